# Special methods are looked up on the type, not the instance.
class C:
    def __len__(self):
        return 1
c = C()
c.__len__ = lambda: 99
print(len(c), c.__len__())
class D:
    pass
d = D()
d.__repr__ = lambda: "instance repr"
print(repr(d).startswith("<__main__.D object"), d.__repr__())
D.__repr__ = lambda self: "class repr"
print(repr(d))
D.__add__ = lambda self, o: f"added {o}"
print(d + 5)
del D.__add__
try:
    d + 5
except TypeError as e:
    print(type(e).__name__, e)
class E:
    def __getattr__(self, name):
        if name == "__len__":
            return lambda: 5
        raise AttributeError(name)
try:
    len(E())
except TypeError as e:
    print(type(e).__name__, e)
print(E().__len__())
