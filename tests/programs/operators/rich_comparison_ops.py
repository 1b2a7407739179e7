# ==, !=, <, <=, >, >= dispatch and reflection.
class R:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"  R{self.v}.__eq__")
        return NotImplemented if not isinstance(o, R) else self.v == o.v
    def __lt__(self, o):
        print(f"  R{self.v}.__lt__")
        return self.v < (o.v if isinstance(o, R) else o)
    def __gt__(self, o):
        print(f"  R{self.v}.__gt__")
        return self.v > (o.v if isinstance(o, R) else o)
print(R(1) == R(1), R(1) != R(2))
print(R(1) == 1)
print(R(1) < 5, 5 < R(1), R(3) > R(2), 5 > R(1))
class Le:
    def __le__(self, o):
        return "le"
    def __ge__(self, o):
        return "ge"
print(Le() <= 1, 1 <= Le(), Le() >= 1, 1 >= Le())
class NoCmp:
    pass
for f in (lambda: NoCmp() < NoCmp(), lambda: NoCmp() >= 1, lambda: 1 > NoCmp()):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
a = NoCmp()
print(a == a, a != a, a == NoCmp(), a != NoCmp())
class Base:
    def __eq__(self, o):
        return "Base.eq"
class Derived(Base):
    def __eq__(self, o):
        return "Derived.eq"
print(Base() == Derived(), Derived() == Base())
