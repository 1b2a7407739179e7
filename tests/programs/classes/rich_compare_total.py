# Implementing all six comparisons; sorting; max/min; fallback behaviour.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    def __eq__(self, o):
        return self.parts == o.parts if isinstance(o, Version) else NotImplemented
    def __lt__(self, o):
        return self.parts < o.parts if isinstance(o, Version) else NotImplemented
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __hash__(self):
        return hash(self.parts)
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "2.0", "1.2"]]
print(sorted(vs), max(vs), min(vs), sorted(vs, reverse=True))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == Version("1.2"), a != Version("1.2"))
print(len(set(vs)), vs.index(Version("1.2")), vs.count(Version("1.2")), Version("2.0") in vs)
print(a == "1.2", a != "1.2")
try:
    a < "1.2"
except TypeError as e:
    print(type(e).__name__, e)
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
x, y = OnlyEq(1), OnlyEq(1)
print(x == y, x != y, OnlyEq(1) != OnlyEq(2))
