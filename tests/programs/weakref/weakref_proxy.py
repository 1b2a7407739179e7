# _weakref.proxy: operations forwarded to the referent; ReferenceError once it dies.
import gc
from _weakref import proxy, ProxyType, CallableProxyType, getweakrefcount


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return f"Vec{tuple(self.xs)}"

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])

    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])

    def __rmul__(self, k):
        return Vec(*[a * k for a in self.xs])

    def __neg__(self):
        return Vec(*[-a for a in self.xs])

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __delitem__(self, i):
        del self.xs[i]

    def __iter__(self):
        return iter(self.xs)

    def __contains__(self, x):
        return x in self.xs

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __lt__(self, other):
        return self.xs < other.xs

    def __hash__(self):
        return 0

    def __bool__(self):
        return bool(self.xs)

    def norm(self):
        return sum(a * a for a in self.xs)


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *, twice=False):
        return (x + self.n) * (2 if twice else 1)


v = Vec(1, 2, 3)
p = proxy(v)
print(type(p) is ProxyType, type(p).__name__, type(p).__module__)
print(p.xs, p.norm(), len(p), p[0], list(p), 2 in p, 9 in p)
print(p + Vec(1, 1, 1), p * 2, 3 * p, -p)
print(p == Vec(1, 2, 3), p != v, p < Vec(5), bool(p), str(p))
p.extra = "set through proxy"
print(v.extra)
del p.extra
print(hasattr(v, "extra"))
p[0] = 10
del p[1]
print(v.xs)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
print(proxy(v) is p, getweakrefcount(v))

a = Adder(5)
cp = proxy(a)
print(type(cp) is CallableProxyType, type(cp).__name__, cp(1), cp(1, twice=True), cp.n)

empty = Vec()
n = proxy(empty)
print("empty", bool(n), len(n))

dead = []
def on_death(r):
    dead.append(type(r).__name__)

def make():
    return proxy(Vec(7), on_death)
q = make()
gc.collect()
print("callback", dead)
for op in [lambda: q.xs, lambda: len(q), lambda: q + q, lambda: str(q), lambda: q[0], lambda: bool(q)]:
    try:
        op()
        print("alive?")
    except ReferenceError as e:
        print("ReferenceError", e)
try:
    proxy(1)
except TypeError as e:
    print("TypeError", e)
