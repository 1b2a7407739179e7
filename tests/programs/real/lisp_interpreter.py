# A tiny Lisp interpreter: reader, environments, special forms, closures, tail calls, errors.
class LispError(Exception):
    pass
class Symbol(str):
    pass
class Env(dict):
    def __init__(self, params=(), args=(), outer=None):
        super().__init__(zip(params, args))
        self.outer = outer
    def find(self, name):
        env = self
        while env is not None:
            if name in env:
                return env
            env = env.outer
        raise LispError(f"unbound symbol: {name}")
class Lambda:
    def __init__(self, params, body, env, name="lambda"):
        self.params, self.body, self.env, self.name = params, body, env, name
    def __repr__(self):
        return f"<{self.name}/{len(self.params)}>"
def tokenize(src):
    return src.replace("(", " ( ").replace(")", " ) ").replace("'", " ' ").split()
def read(tokens):
    if not tokens:
        raise LispError("unexpected EOF")
    tok = tokens.pop(0)
    if tok == "(":
        out = []
        while tokens and tokens[0] != ")":
            out.append(read(tokens))
        if not tokens:
            raise LispError("missing )")
        tokens.pop(0)
        return out
    if tok == ")":
        raise LispError("unexpected )")
    if tok == "'":
        return [Symbol("quote"), read(tokens)]
    try:
        return int(tok)
    except ValueError:
        return Symbol(tok)
def to_str(x):
    if x is True:
        return "#t"
    if x is False:
        return "#f"
    if isinstance(x, list):
        return "(" + " ".join(map(to_str, x)) + ")"
    return str(x)
def arith(f, name):
    def op(*args):
        if not all(isinstance(a, int) and not isinstance(a, bool) for a in args):
            raise LispError(f"{name}: expected numbers, got {to_str(list(args))}")
        return f(*args)
    return op
def div(a, b):
    if b == 0:
        raise LispError("division by zero")
    return a // b
def global_env():
    env = Env()
    env.update({
        "+": arith(lambda *a: sum(a), "+"), "-": arith(lambda a, *b: a - sum(b) if b else -a, "-"),
        "*": arith(lambda *a: __import__("math").prod(a), "*"), "/": arith(div, "/"),
        "<": lambda a, b: a < b, ">": lambda a, b: a > b, "=": lambda a, b: a == b, "<=": lambda a, b: a <= b,
        "car": lambda l: l[0], "cdr": lambda l: l[1:], "cons": lambda a, l: [a] + l, "list": lambda *a: list(a),
        "null?": lambda l: l == [], "length": len, "not": lambda x: x is False, "display": lambda x: print(to_str(x)) or [],
    })
    return env
def evaluate(x, env):
    while True:
        if isinstance(x, Symbol):
            return env.find(x)[x]
        if not isinstance(x, list):
            return x
        if not x:
            return []
        head = x[0]
        if head == "quote":
            return x[1]
        if head == "if":
            _, test, conseq, alt = x
            x = conseq if evaluate(test, env) is not False else alt
            continue
        if head == "define":
            if isinstance(x[1], list):
                name, *params = x[1]
                env[name] = Lambda(params, x[2], env, name)
            else:
                env[x[1]] = evaluate(x[2], env)
            return []
        if head == "set!":
            env.find(x[1])[x[1]] = evaluate(x[2], env)
            return []
        if head == "lambda":
            return Lambda(x[1], x[2], env)
        if head == "begin":
            for e in x[1:-1]:
                evaluate(e, env)
            x = x[-1]
            continue
        if head == "let":
            names = [b[0] for b in x[1]]
            vals = [evaluate(b[1], env) for b in x[1]]
            env = Env(names, vals, env)
            x = x[2]
            continue
        f = evaluate(head, env)
        args = [evaluate(a, env) for a in x[1:]]
        if isinstance(f, Lambda):
            if len(args) != len(f.params):
                raise LispError(f"{f.name} expects {len(f.params)} args, got {len(args)}")
            x, env = f.body, Env(f.params, args, f.env)
            continue
        if callable(f):
            try:
                return f(*args)
            except TypeError as e:
                raise LispError(f"bad call: {e}") from e
        raise LispError(f"not a procedure: {to_str(f)}")
PROGRAM = """
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(fact 10)
(fact 40)
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(fib 15)
(define (loop i acc) (if (= i 0) acc (loop (- i 1) (+ acc i))))
(loop 100000 0)
(define (map f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l)))))
(map (lambda (x) (* x x)) '(1 2 3 4 5))
(define (make-counter) (let ((n 0)) (lambda () (begin (set! n (+ n 1)) n))))
(define c (make-counter))
(c)
(c)
(c)
(define (compose f g) (lambda (x) (f (g x))))
((compose (lambda (x) (* x 2)) (lambda (x) (+ x 1))) 5)
(let ((x 2) (y 3)) (* x y))
(display '(nested (list (of things)) 42))
(length '(a b c))
(if (not #f) 'yes 'no)
(undefined-thing 1)
(/ 10 0)
(+ 1 '(2))
(fact)
(1 2 3)
(car '())
fact
"""
env = global_env()
env["#t"], env["#f"] = True, False
tokens = tokenize(PROGRAM)
while tokens:
    try:
        expr = read(tokens)
    except LispError as e:
        print("read error:", e)
        break
    try:
        result = evaluate(expr, env)
        if result != []:
            print(to_str(expr), "=>", to_str(result))
    except LispError as e:
        print(to_str(expr), "!!", e)
    except IndexError as e:
        print(to_str(expr), "!! IndexError:", e)
for bad in ["(+ 1", ")", ""]:
    try:
        print(read(tokenize(bad)))
    except LispError as e:
        print(repr(bad), "read error:", e)
