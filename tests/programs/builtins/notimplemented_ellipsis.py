# NotImplemented and Ellipsis as builtins.
print(NotImplemented, Ellipsis, ..., type(NotImplemented).__name__, type(...).__name__)
print(Ellipsis is ..., repr(...), str(Ellipsis))
class X:
    def __eq__(self, o):
        return NotImplemented
print(X() == X(), X() != 1)
print(int.__add__(1, "a"), float.__lt__(1.0, "a"), list.__eq__([], ()))
a = [1, 2, 3]
print(a[...] if False else "no ellipsis index on list")
try:
    a[...]
except TypeError as e:
    print(type(e).__name__, e)
