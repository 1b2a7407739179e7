# An expression evaluator: tokenizer, Pratt parser, AST, evaluation with big ints and variables.
class Token:
    def __init__(self, kind, value):
        self.kind, self.value = kind, value
    def __repr__(self):
        return f"{self.kind}:{self.value}"
class ParseError(Exception):
    pass
class EvalError(Exception):
    pass
def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            yield Token("num", int(src[i:j]))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("name", src[i:j])
            i = j
        elif src.startswith("**", i):
            yield Token("op", "**")
            i += 2
        elif c in "+-*/%(),=!":
            yield Token("op", c)
            i += 1
        else:
            raise ParseError(f"unexpected character {c!r} at {i}")
    yield Token("end", None)
BINARY = {"=": (1, "right"), "+": (10, "left"), "-": (10, "left"), "*": (20, "left"), "/": (20, "left"), "%": (20, "left"), "**": (30, "right")}
class Parser:
    def __init__(self, src):
        self.tokens = list(tokenize(src))
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos]
    def next(self):
        t = self.tokens[self.pos]
        self.pos += 1
        return t
    def expect(self, value):
        t = self.next()
        if t.value != value:
            raise ParseError(f"expected {value!r}, got {t.value!r}")
    def parse(self):
        e = self.expr(0)
        if self.peek().kind != "end":
            raise ParseError(f"trailing token {self.peek()!r}")
        return e
    def expr(self, min_prec):
        left = self.prefix()
        while True:
            t = self.peek()
            if t.kind == "op" and t.value == "!":
                self.next()
                left = ("fact", left)
                continue
            if t.kind != "op" or t.value not in BINARY:
                return left
            prec, assoc = BINARY[t.value]
            if prec < min_prec:
                return left
            self.next()
            right = self.expr(prec + 1 if assoc == "left" else prec)
            left = ("bin", t.value, left, right)
    def prefix(self):
        t = self.next()
        if t.kind == "num":
            return ("num", t.value)
        if t.kind == "name":
            if self.peek().value == "(":
                self.next()
                args = []
                if self.peek().value != ")":
                    args.append(self.expr(0))
                    while self.peek().value == ",":
                        self.next()
                        args.append(self.expr(0))
                self.expect(")")
                return ("call", t.value, args)
            return ("var", t.value)
        if t.value == "-":
            return ("neg", self.expr(25))
        if t.value == "(":
            e = self.expr(0)
            self.expect(")")
            return e
        raise ParseError(f"unexpected {t!r}")
FUNCS = {"max": max, "min": min, "abs": abs, "gcd": lambda a, b: a if b == 0 else FUNCS["gcd"](b, a % b)}
def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in env:
            raise EvalError(f"undefined variable {node[1]}")
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "fact":
        n = evaluate(node[1], env)
        if n < 0:
            raise EvalError("factorial of negative number")
        r = 1
        for k in range(2, n + 1):
            r *= k
        return r
    if kind == "call":
        f = FUNCS.get(node[1])
        if f is None:
            raise EvalError(f"unknown function {node[1]}")
        return f(*[evaluate(a, env) for a in node[2]])
    _, op, l, r = node
    if op == "=":
        if l[0] != "var":
            raise EvalError("can only assign to a variable")
        env[l[1]] = evaluate(r, env)
        return env[l[1]]
    a, b = evaluate(l, env), evaluate(r, env)
    if op in "/%" and b == 0:
        raise EvalError("division by zero")
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a // b, "%": lambda: a % b, "**": lambda: a ** b}[op]()
def show(node):
    kind = node[0]
    if kind in ("num", "var"):
        return str(node[1])
    if kind == "neg":
        return f"(-{show(node[1])})"
    if kind == "fact":
        return f"{show(node[1])}!"
    if kind == "call":
        return f"{node[1]}({', '.join(show(a) for a in node[2])})"
    return f"({show(node[2])} {node[1]} {show(node[3])})"
env = {}
programs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "x = 10", "y = x * x - 1", "x + y", "30!", "50! / 48!", "2 ** 200 % 1000007",
            "max(3, x, y, 7)", "gcd(2 ** 40, 6 ** 20)", "a = b = 5", "a * b", "10 / 0", "z + 1", "1 +", "3 $ 4", "(1 + 2", "foo(1)", "(-3)!", "1 = 2", "abs(-(2 ** 70))", "7 - 3 - 2", "100 / 7 / 2"]
for src in programs:
    try:
        tree = Parser(src).parse()
        print(f"{src:24} => {show(tree):32} = {evaluate(tree, env)}")
    except (ParseError, EvalError) as e:
        print(f"{src:24} !! {type(e).__name__}: {e}")
print(sorted(env.items()))
