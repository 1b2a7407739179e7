# type() with one and three arguments.
for v in [1, 1.0, "s", b"b", [], (), {}, set(), None, True, type, len, print, range(1), 1j, ..., NotImplemented]:
    print(type(v).__name__, type(v))
X = type("X", (object,), {"a": 1, "f": lambda self: self.a + 1})
print(X.__name__, X().f(), X.a, type(X), X.__mro__)
Y = type("Y", (X,), {})
print(Y().f(), issubclass(Y, X), Y.__bases__)
print(type(type(1)) is type, type.__name__, type(X()).__qualname__)
try:
    type()
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("Z", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
