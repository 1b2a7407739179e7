# Arithmetic and comparison sites see small ints, then big ints, floats,
# subclasses and objects with dunders: quickened forms must fall back.

def add(a, b):
    return a + b

def lt(a, b):
    return a < b

class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"
    def __lt__(self, other):
        return "MyInt.__lt__"

class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return Vec(self.x + other.x)
    def __lt__(self, other):
        return self.x < other.x
    def __repr__(self):
        return f"Vec({self.x})"

for i in range(30):
    add(i, i)
    lt(i, 3)
print(add(2**62, 2**62), add(-2**62, -2**62 - 5))
print(add(1.5, 2), add(2, 1.5), add(1, 2))
print(add(MyInt(3), 4), add(4, MyInt(3)))
print(add(Vec(1), Vec(2)), add("a", "b"), add([1], [2]))
print(lt(MyInt(1), 2), lt(Vec(1), Vec(2)), lt("a", "b"), lt(1.5, 2), lt(2, 1.5))

def ops(a, b):
    return (a - b, a * b, a // b, a % b, a & b, a | b, a ^ b, a << 3, a >> 1, a / b, a ** 2)

for i in range(1, 20):
    ops(i, 3)
print(ops(7, 3))
print(ops(-7, 3))
print(ops(7, -3))
print(ops(-7, -3))
print(ops(2**61, 3))
print(ops(-2**63, -1)[1:4])
try:
    ops(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def fops(a, b):
    return (a + b, a - b, a * b, a / b, a // b, a % b, a ** b)

for i in range(20):
    fops(1.5 + i, 2.0)
print(fops(7.5, 2.0))
print(fops(-7.5, 2))
print(fops(3, 0.5))
print(fops(-8.0, 1 / 3)[6])
for bad in [(1.0, 0.0), (1.0, 0)]:
    try:
        fops(*bad)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    fops(1e308, 1e308)
except OverflowError as e:
    print("OverflowError:", e)

def cmp(a, b):
    n = 0
    if a < b:
        n += 1
    if a <= b:
        n += 2
    if a == b:
        n += 4
    if a != b:
        n += 8
    if a > b:
        n += 16
    if a >= b:
        n += 32
    return n

for i in range(40):
    cmp(i, 20)
    cmp(float(i), 20.0)
nan = float("nan")
print([cmp(a, b) for a, b in [(1, 2), (2, 2), (3, 2), (1.0, 2.0), (nan, nan), (nan, 1.0), (2**70, 1), (1, 2**70), ("a", "b")]])
flag = 5 < 6
print(flag, 5.0 > 6.0, [1 < 2, 2 < 1])
