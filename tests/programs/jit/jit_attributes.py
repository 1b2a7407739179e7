# Loops whose traces read and write instance attributes, unpack tuples,
# look up globals and call math.sqrt: every way the assumptions of such a
# trace can break mid-loop must leave the program computing what CPython
# computes.
import math


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def drift(points, pairs, n):
    for _ in range(n):
        for a, b in pairs:
            d = a.x - b.x
            a.y += d * 0.5
            b.y -= d * 0.25
    return [round(p.y, 6) for p in points]


points = [P(float(i), 0.0) for i in range(5)]
pairs = [(a, b) for a in points for b in points if a is not b]
print(drift(points, pairs, 30))

# The same object on both sides of a pair: loads after stores see them.
same = P(1.0, 2.0)
print(drift([same], [(same, same)] * 50, 3))


# An attribute that becomes an int, a str, then disappears.
def total(items):
    s = 0.0
    for it in items:
        s += it.x
    return s


items = [P(float(i), 0) for i in range(200)]
items[150].x = 7
print(total(items))
items[160].x = "x"
try:
    total(items)
except TypeError as e:
    print("TypeError", e)
del items[170].x
items[160].x = 1.0
try:
    total(items)
except AttributeError as e:
    print("AttributeError", e)


# math rebound mid-loop, sqrt of a negative number, a global removed.
def roots(values):
    out = 0.0
    for v in values:
        out += math.sqrt(v) * SCALE
    return out


SCALE = 2.0
print(round(roots([float(i) for i in range(300)]), 6))
try:
    roots([float(i) for i in range(100)] + [-1.0])
except ValueError as e:
    print("ValueError", e)


class FakeMath:
    @staticmethod
    def sqrt(v):
        return -v


real = math
values = [float(i) for i in range(300)]
print(round(roots(values), 6))
math = FakeMath()
print(round(roots(values), 6))
math = real
del SCALE
try:
    roots(values)
except NameError as e:
    print("NameError", e)
SCALE = 1


# Tuples of another length or another type in the unpacked sequence.
def sums(seq):
    t = 0
    for a, b in seq:
        t += a * b
    return t


rows = [(i, i + 1) for i in range(300)]
print(sums(rows))
try:
    sums(rows + [(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
print(sums(rows + [[4, 5]]))


# A class attribute that shadows the instance's by becoming a property.
class Q:
    def __init__(self):
        self.v = 1.0


qs = [Q() for _ in range(300)]


def grow(qs):
    for q in qs:
        q.v = q.v * 1.5
    return sum(q.v for q in qs)


print(grow(qs))
Q.v = property(lambda self: 10.0, lambda self, value: None)
print(grow(qs))


# A float attribute that is an int on every other object: the failing
# float load gets a bridge, and both kinds keep coming.
mixed = [P(1.5, 0) if i % 2 else P(2, 0) for i in range(3000)]
print(total(mixed))
mixed[2001].x = None
try:
    total(mixed)
except TypeError as e:
    print("TypeError", e)
