# Custom keys: __hash__/__eq__ interplay, mutated keys, equal-but-different keys.
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return f"Key({self.v})"
d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, Key(3) in d, d)
d[Key(1)] = "uno"
print(d, len(d))
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return f"C{self.v}"
cd = {Collide(i): i for i in range(20)}
print(len(cd), cd[Collide(13)], list(cd)[:5])
del cd[Collide(5)]
print(len(cd), Collide(5) in cd, Collide(6) in cd)
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print(type(e).__name__, e)
class EqOnly:
    def __eq__(self, other):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
m = {1: "int"}
print(m[1.0], m[True], 1.0 in m, complex(1, 0) in m)
class BadHash:
    def __hash__(self):
        raise ValueError("cannot hash")
try:
    {BadHash(): 1}
except ValueError as e:
    print(type(e).__name__, e)
try:
    BadHash() in {1: 2}
except ValueError as e:
    print(type(e).__name__, e)
class StrHash:
    def __hash__(self):
        return "x"
try:
    hash(StrHash())
except TypeError as e:
    print(type(e).__name__, e)
