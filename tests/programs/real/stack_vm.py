# A compiler from a tiny language to bytecode for a stack VM, with functions, loops and big ints.
class CompileError(Exception):
    pass
class VMError(Exception):
    pass
SOURCE = """
fn fact(n) {
  acc = 1
  while n > 1 { acc = acc * n  n = n - 1 }
  return acc
}
fn fib(n) { if n < 2 { return n } return fib(n - 1) + fib(n - 2) }
fn gcd(a, b) { while b > 0 { t = a % b  a = b  b = t } return a }
print fact(20)
print fact(60)
print fib(20)
print gcd(fact(30), 2 ** 50)
x = 0
i = 0
while i < 100 { if i % 3 < 1 { x = x + i } i = i + 1 }
print x
print 7 / 0
"""
def lex(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            w = src[i:j]
            toks.append(("kw" if w in ("fn", "return", "while", "if", "print") else "id", w))
            i = j
        elif src.startswith("**", i):
            toks.append(("op", "**"))
            i += 2
        else:
            toks.append(("op", c))
            i += 1
    return toks
class Compiler:
    PREC = {"<": 1, ">": 1, "+": 2, "-": 2, "*": 3, "/": 3, "%": 3, "**": 4}
    def __init__(self, toks):
        self.toks, self.pos = toks, 0
        self.functions = {}
    def peek(self, k=0):
        return self.toks[self.pos + k] if self.pos + k < len(self.toks) else ("eof", None)
    def eat(self, value=None):
        t = self.peek()
        if value is not None and t[1] != value:
            raise CompileError(f"expected {value!r} got {t[1]!r}")
        self.pos += 1
        return t
    def program(self):
        code = []
        while self.peek()[0] != "eof":
            if self.peek()[1] == "fn":
                self.function()
            else:
                self.statement(code)
        code.append(("halt",))
        return code
    def function(self):
        self.eat("fn")
        name = self.eat()[1]
        self.eat("(")
        params = []
        while self.peek()[1] != ")":
            params.append(self.eat()[1])
            if self.peek()[1] == ",":
                self.eat(",")
        self.eat(")")
        body = []
        self.block(body)
        body += [("push", 0), ("ret",)]
        self.functions[name] = (params, body)
    def block(self, code):
        self.eat("{")
        while self.peek()[1] != "}":
            self.statement(code)
        self.eat("}")
    def statement(self, code):
        t = self.peek()
        if t[1] == "print":
            self.eat()
            self.expr(code, 0)
            code.append(("print",))
        elif t[1] == "return":
            self.eat()
            self.expr(code, 0)
            code.append(("ret",))
        elif t[1] == "while":
            self.eat()
            start = len(code)
            self.expr(code, 0)
            jump = len(code)
            code.append(None)
            self.block(code)
            code.append(("jmp", start))
            code[jump] = ("jz", len(code))
        elif t[1] == "if":
            self.eat()
            self.expr(code, 0)
            jump = len(code)
            code.append(None)
            self.block(code)
            code[jump] = ("jz", len(code))
        elif t[0] == "id" and self.peek(1)[1] == "=":
            self.eat()
            self.eat("=")
            self.expr(code, 0)
            code.append(("store", t[1]))
        else:
            raise CompileError(f"unexpected {t[1]!r}")
    def expr(self, code, min_prec):
        self.atom(code)
        while self.peek()[0] == "op" and self.peek()[1] in self.PREC and self.PREC[self.peek()[1]] > min_prec - (1 if self.peek()[1] == "**" else 0):
            op = self.eat()[1]
            prec = self.PREC[op]
            self.expr(code, prec if op == "**" else prec + 1)
            code.append(("binop", op))
    def atom(self, code):
        t = self.eat()
        if t[0] == "num":
            code.append(("push", t[1]))
        elif t[0] == "id" and self.peek()[1] == "(":
            self.eat("(")
            n = 0
            while self.peek()[1] != ")":
                self.expr(code, 0)
                n += 1
                if self.peek()[1] == ",":
                    self.eat(",")
            self.eat(")")
            code.append(("call", t[1], n))
        elif t[0] == "id":
            code.append(("load", t[1]))
        elif t[1] == "(":
            self.expr(code, 0)
            self.eat(")")
        else:
            raise CompileError(f"bad atom {t[1]!r}")
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a // b, "%": lambda a, b: a % b,
       "**": lambda a, b: a ** b, "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b)}
def run(code, functions):
    frames = [(code, 0, {})]
    stack = []
    steps = 0
    while True:
        code, pc, env = frames[-1]
        ins = code[pc]
        frames[-1] = (code, pc + 1, env)
        steps += 1
        op = ins[0]
        if op == "push":
            stack.append(ins[1])
        elif op == "load":
            if ins[1] not in env:
                raise VMError(f"undefined variable {ins[1]}")
            stack.append(env[ins[1]])
        elif op == "store":
            env[ins[1]] = stack.pop()
        elif op == "binop":
            b, a = stack.pop(), stack.pop()
            try:
                stack.append(OPS[ins[1]](a, b))
            except ZeroDivisionError:
                raise VMError(f"division by zero at step {steps}") from None
        elif op == "print":
            print(stack.pop())
        elif op == "jz":
            if stack.pop() == 0:
                frames[-1] = (code, ins[1], env)
        elif op == "jmp":
            frames[-1] = (code, ins[1], env)
        elif op == "call":
            params, body = functions[ins[1]]
            args = stack[len(stack) - ins[2]:]
            del stack[len(stack) - ins[2]:]
            frames.append((body, 0, dict(zip(params, args))))
        elif op == "ret":
            frames.pop()
        elif op == "halt":
            return steps
c = Compiler(lex(SOURCE))
main = c.program()
print(len(main), "main instructions;", {k: len(v[1]) for k, v in c.functions.items()})
for ins in c.functions["gcd"][1]:
    print("   ", *ins)
try:
    run(main, c.functions)
except VMError as e:
    print("VMError:", e)
for bad in ["print (1 + ", "x = = 2", "fn f(a) { return }"]:
    try:
        Compiler(lex(bad)).program()
    except CompileError as e:
        print("CompileError:", e)
