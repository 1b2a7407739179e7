# Evaluating a tiny expression tree with nested class and sequence patterns.
class Num:
    __match_args__ = ("v",)
    def __init__(self, v):
        self.v = v
class Bin:
    __match_args__ = ("op", "l", "r")
    def __init__(self, op, l, r):
        self.op, self.l, self.r = op, l, r
class Neg:
    __match_args__ = ("e",)
    def __init__(self, e):
        self.e = e
def ev(e):
    match e:
        case Num(v):
            return v
        case Neg(Neg(x)):
            return ev(x)
        case Neg(x):
            return -ev(x)
        case Bin("+", l, r):
            return ev(l) + ev(r)
        case Bin("*", Num(0), _) | Bin("*", _, Num(0)):
            return 0
        case Bin("*", l, r):
            return ev(l) * ev(r)
        case Bin(op, _, _):
            raise ValueError(f"unknown operator {op}")
def show(e):
    match e:
        case Num(v):
            return str(v)
        case Neg(x):
            return f"-{show(x)}"
        case Bin(op, l, r):
            return f"({show(l)} {op} {show(r)})"
exprs = [Bin("+", Num(1), Num(2)), Bin("*", Bin("+", Num(1), Num(2)), Neg(Num(4))), Neg(Neg(Num(7))), Bin("*", Num(0), Bin("/", Num(1), Num(0))), Bin("-", Num(1), Num(1))]
for e in exprs:
    try:
        print(show(e), "=", ev(e))
    except ValueError as err:
        print(show(e), "error:", err)
