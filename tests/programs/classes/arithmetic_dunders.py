# A Vector type implementing the numeric protocol.
class Vec:
    def __init__(self, *c):
        self.c = tuple(c)
    def __repr__(self):
        return f"Vec{self.c}"
    def _zip(self, o, f):
        if isinstance(o, Vec):
            return Vec(*(f(a, b) for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return Vec(*(f(a, o) for a in self.c))
        return NotImplemented
    def __add__(self, o): return self._zip(o, lambda a, b: a + b)
    def __sub__(self, o): return self._zip(o, lambda a, b: a - b)
    def __mul__(self, o): return self._zip(o, lambda a, b: a * b)
    def __truediv__(self, o): return self._zip(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._zip(o, lambda a, b: a // b)
    def __mod__(self, o): return self._zip(o, lambda a, b: a % b)
    def __pow__(self, o, mod=None): return self._zip(o, lambda a, b: pow(a, b, mod) if mod else a ** b)
    def __divmod__(self, o): return (self // o, self % o)
    def __radd__(self, o): return self + o
    def __rmul__(self, o): return self * o
    def __rsub__(self, o): return Vec(*(o - a for a in self.c))
    def __neg__(self): return Vec(*(-a for a in self.c))
    def __pos__(self): return self
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
    __hash__ = None
v, w = Vec(1, 2, 3), Vec(4, 5, 6)
print(v + w, v - w, v * w, w / v, w // v, w % v, v ** 2, pow(v, 3, 5), divmod(w, 2))
print(v + 1, 1 + v, 2 * v, v * 2.5, 10 - v, -v, +v, abs(Vec(3, 4)), v == Vec(1, 2, 3), v != w)
print(sum([v, w], Vec(0, 0, 0)), sum([v, w, v], 0) if False else "skip")
try:
    v + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "s" - v
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(v)
except TypeError as e:
    print(type(e).__name__, e)
try:
    v @ w
except TypeError as e:
    print(type(e).__name__, e)
