"""A tokenizer and a recursive-descent parser for a small expression
language (integers, variables, + - * / %, unary minus, parentheses, `let`
bindings and function calls to min/max), building an AST of small node
objects that is then evaluated. The input programs are generated."""


class Lcg:
    """A linear congruential generator: deterministic pseudo-random data."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % bound


class Token:
    __slots__ = ("kind", "text", "position")

    def __init__(self, kind, text, position):
        self.kind = kind
        self.text = text
        self.position = position

    def __repr__(self):
        return f"Token({self.kind}, {self.text!r})"


class ParseError(Exception):
    pass


KEYWORDS = {"let", "in"}
SINGLE_CHAR_TOKENS = "+-*/%(),="


def tokenize(source):
    tokens = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            start = i
            while i < n and source[i].isdigit():
                i += 1
            tokens.append(Token("number", source[start:i], start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < n and (source[i].isalnum() or source[i] == "_"):
                i += 1
            word = source[start:i]
            tokens.append(Token("keyword" if word in KEYWORDS else "name", word, start))
        elif ch in SINGLE_CHAR_TOKENS:
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise ParseError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("end", "", n))
    return tokens


class Number:
    def __init__(self, value):
        self.value = value

    def evaluate(self, env):
        return self.value


class Name:
    def __init__(self, name):
        self.name = name

    def evaluate(self, env):
        return env[self.name]


class BinaryOp:
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def evaluate(self, env):
        a = self.left.evaluate(env)
        b = self.right.evaluate(env)
        op = self.op
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if b == 0:
            return 0
        return a // b if op == "/" else a % b


class Negate:
    def __init__(self, operand):
        self.operand = operand

    def evaluate(self, env):
        return -self.operand.evaluate(env)


class Let:
    def __init__(self, name, value, body):
        self.name = name
        self.value = value
        self.body = body

    def evaluate(self, env):
        inner = dict(env)
        inner[self.name] = self.value.evaluate(env)
        return self.body.evaluate(inner)


class Call:
    FUNCTIONS = {"min": min, "max": max}

    def __init__(self, name, args):
        self.name = name
        self.args = args

    def evaluate(self, env):
        return self.FUNCTIONS[self.name](*[arg.evaluate(env) for arg in self.args])


class Parser:
    """expr   := 'let' NAME '=' expr 'in' expr | sum
       sum    := term (('+' | '-') term)*
       term   := unary (('*' | '/' | '%') unary)*
       unary  := '-' unary | atom
       atom   := NUMBER | NAME | NAME '(' expr (',' expr)* ')' | '(' expr ')'"""

    def __init__(self, tokens):
        self.tokens = tokens
        self.index = 0

    @property
    def current(self):
        return self.tokens[self.index]

    def advance(self):
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, kind, text=None):
        token = self.advance()
        if token.kind != kind or (text is not None and token.text != text):
            raise ParseError(f"expected {text or kind} at {token.position}, got {token.text!r}")
        return token

    def parse(self):
        node = self.expression()
        self.expect("end")
        return node

    def expression(self):
        if self.current.kind == "keyword" and self.current.text == "let":
            self.advance()
            name = self.expect("name").text
            self.expect("op", "=")
            value = self.expression()
            self.expect("keyword", "in")
            return Let(name, value, self.expression())
        return self.sum()

    def sum(self):
        node = self.term()
        while self.current.kind == "op" and self.current.text in "+-":
            op = self.advance().text
            node = BinaryOp(op, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.current.kind == "op" and self.current.text in "*/%":
            op = self.advance().text
            node = BinaryOp(op, node, self.unary())
        return node

    def unary(self):
        if self.current.kind == "op" and self.current.text == "-":
            self.advance()
            return Negate(self.unary())
        return self.atom()

    def atom(self):
        token = self.advance()
        if token.kind == "number":
            return Number(int(token.text))
        if token.kind == "name":
            if self.current.text == "(":
                self.advance()
                args = [self.expression()]
                while self.current.text == ",":
                    self.advance()
                    args.append(self.expression())
                self.expect("op", ")")
                return Call(token.text, args)
            return Name(token.text)
        if token.text == "(":
            node = self.expression()
            self.expect("op", ")")
            return node
        raise ParseError(f"unexpected {token.text!r} at {token.position}")


def generate(rng, depth, names):
    """Generate the source of a random well-formed expression."""
    choice = rng.next_int(10) if depth > 0 else rng.next_int(2)
    if choice == 0:
        return str(rng.next_int(1000))
    if choice == 1:
        return names[rng.next_int(len(names))]
    if choice == 2:
        name = f"v{depth}"
        value = generate(rng, depth - 1, names)
        body = generate(rng, depth - 1, names + [name])
        return f"(let {name} = {value} in {body})"
    if choice == 3:
        return f"-({generate(rng, depth - 1, names)})"
    if choice == 4:
        function = "min" if rng.next_int(2) else "max"
        args = ", ".join(generate(rng, depth - 1, names) for _ in range(2 + rng.next_int(2)))
        return f"{function}({args})"
    op = "+-*/%"[rng.next_int(5)]
    left = generate(rng, depth - 1, names)
    right = generate(rng, depth - 1, names)
    return f"({left} {op} {right})" if rng.next_int(2) else f"{left} {op} {right}"


def main():
    rng = Lcg(12345)
    env = {"x": 7, "y": -3, "z": 1000}
    checksum = 0
    for _ in range(8000):
        source = generate(rng, 7, ["x", "y", "z"])
        tree = Parser(tokenize(source)).parse()
        checksum = (checksum * 31 + tree.evaluate(env)) % (1 << 61)
        checksum += len(source)
    bad = 0
    for source in ["1 +", "(2 * 3", "let = 4 in 5", "7 $ 8", "min(1,)"]:
        try:
            Parser(tokenize(source)).parse()
        except ParseError:
            bad += 1
    print(f"checksum: {checksum} {bad}")


main()
