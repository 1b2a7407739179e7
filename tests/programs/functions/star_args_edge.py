# Edge cases of argument unpacking.
def f(a, b=2, *c, d=4, **e):
    return (a, b, c, d, e)
print(f(*(1,)), f(*(1, 2, 3, 4)), f(1, *(), **{}), f(**{"a": 9, "e": 5}), f(1, *[2], 3, *[4], d=0))
def g(*a):
    return a
print(g(*"xyz"), g(*{1: 2}), g(*range(3), *range(2)), g(*(i for i in range(3))))
def h(**k):
    return sorted(k.items())
print(h(**{"a": 1}, b=2, **dict(c=3)))
class Mapping:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, key):
        return key.upper()
print(h(**Mapping()))
try:
    f(1, 2, a=3)
except TypeError as e:
    print(type(e).__name__, e)
print(f(1, **{"b": 5, "zz": 6}))
