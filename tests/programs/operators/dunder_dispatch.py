# Operators dispatch to dunder methods, reflected ones, and NotImplemented.
class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"V({self.n})"
for name, sym in [("add", "+"), ("sub", "-"), ("mul", "*"), ("truediv", "/"), ("floordiv", "//"), ("mod", "%"), ("pow", "**"), ("lshift", "<<"), ("rshift", ">>"), ("and", "&"), ("or", "|"), ("xor", "^"), ("matmul", "@")]:
    def fwd(self, other, sym=sym):
        return f"V({self.n}) {sym} {other!r}"
    def rev(self, other, sym=sym):
        return f"{other!r} {sym} V({self.n}) [reflected]"
    setattr(V, f"__{name}__", fwd)
    setattr(V, f"__r{name}__", rev)
v = V(1)
print(v + 2, 2 + v, v - 2, 2 - v, v * 2, 2 * v, v / 2, 2 / v, v // 2, 2 // v)
print(v % 2, 2 % v, v ** 2, 2 ** v, v << 2, 2 << v, v >> 2, 2 >> v)
print(v & 2, 2 & v, v | 2, 2 | v, v ^ 2, 2 ^ v, v @ 2, 2 @ v, v + v)
class Sub(V):
    def __radd__(self, other):
        return "Sub.__radd__ wins"
print(V(1) + Sub(2))
class Neg:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "inv"
    def __abs__(self):
        return "abs"
n = Neg()
print(-n, +n, ~n, abs(n))
try:
    [] @ []
except TypeError as e:
    print(type(e).__name__, e)
