# Calls of plain Python classes run __init__ in the caller's loop: the
# instance is the call's value, __init__ returning non-None is a TypeError,
# exceptions propagate, and classes that change stop being fast-pathed.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Odd:
    def __init__(self, value):
        self.value = value
        if value == 25:
            return value


class Failing:
    def __init__(self, n):
        if n % 7 == 6:
            raise ValueError(f"bad {n}")
        self.n = n


class Counter:
    made = 0

    def __init__(self):
        Counter.made += 1


class Rebinds:
    def __init__(self, v):
        self = v  # rebinding the local does not change the result


points = [Point(i, i * 2) for i in range(100)]
print(sum(p.x + p.y for p in points), type(points[0]).__name__)

for i in range(30):
    try:
        o = Odd(i)
    except TypeError as e:
        print("TypeError", e, i)

caught = 0
for i in range(60):
    try:
        Failing(i)
    except ValueError:
        caught += 1
print("caught", caught)

for _ in range(50):
    Counter()
print(Counter.made, type(Rebinds(3)).__name__)


def late_init(self, x, y):
    self.x, self.y = y, x


for i in range(40):
    if i == 20:
        Point.__init__ = late_init
    p = Point(1, 2)
print(p.x, p.y)


class WithNew:
    def __new__(cls, *args):
        print("WithNew.__new__", args)
        return super().__new__(cls)

    def __init__(self, a):
        self.a = a


for i in range(3):
    w = WithNew(i)
print(w.a)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b


print(sum(Slotted(i, 1).a for i in range(50)))


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class Managed(metaclass=Meta):
    def __init__(self, v):
        self.v = v


for i in range(2):
    m = Managed(i)
print(m.v)


class Base:
    def __init__(self, v):
        self.v = v


class Derived(Base):
    pass


print(sum(Derived(i).v for i in range(50)), Point(x=1, y=2).x)
try:
    Point(1)
except TypeError as e:
    print(e)
