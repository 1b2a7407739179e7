# Ellipsis and NotImplemented singletons.
print(..., Ellipsis, repr(...), ... is Ellipsis, type(...).__name__, bool(...))
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
x = [1, ..., 3]
print(x, x.count(...), ... in x)
def stub():
    ...
print(stub())
class A:
    def __eq__(self, other):
        return NotImplemented
    def __add__(self, other):
        return NotImplemented
class B:
    def __radd__(self, other):
        return "B.radd"
    def __eq__(self, other):
        return "B.eq"
print(A() + B(), A() == B(), B() == A())
a = A()
print(a == a, a != a, A() == A())
try:
    A() + 1
except TypeError as e:
    print(type(e).__name__, e)
class Grid:
    def __getitem__(self, key):
        return key
g = Grid()
print(g[...], g[1, ...], g[..., 0], g[:, ...])
print(hash(...) == hash(Ellipsis), (...).__class__ is type(Ellipsis))
