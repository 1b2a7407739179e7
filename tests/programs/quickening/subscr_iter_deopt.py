# Subscript, iteration, unpacking and call sites quickened on one type.

def get(c, k):
    return c[k]

def put(c, k, v):
    c[k] = v

lst = list(range(10))
tup = tuple(range(10))
d = {i: i * i for i in range(10)}
for i in range(30):
    get(lst, i % 10)
    get(tup, i % 10)
    get(d, i % 10)
    put(lst, i % 10, i)
    put(d, i, i)
print(get(lst, -1), get(tup, -10), get(d, 3), get("abc", 1), get(lst, slice(1, 3)))
for c, k in [(lst, 10), (lst, -11), (tup, 10), (d, "missing"), (lst, 2**70)]:
    try:
        get(c, k)
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)
for c, k in [(lst, 10), (lst, -11)]:
    try:
        put(c, k, 0)
    except IndexError as e:
        print(type(e).__name__, e)
put(lst, -1, "last")
print(lst)
class D(dict):
    def __missing__(self, key):
        return "missing " + str(key)
print(get(D(), 5))
class L(list):
    def __getitem__(self, i):
        return "L item"
print(get(L([1, 2]), 0))
try:
    get(lst, "x")
except TypeError as e:
    print("TypeError:", e)

def total(it):
    s = 0
    for x in it:
        s += x
    return s
for _ in range(10):
    total(range(5))
    total([1, 2])
    total((1, 2))
print(total(range(3)), total([4, 5]), total((6, 7)), total({8: 0}), total(x for x in [9]))
print(total(range(-5, 10, 3)), total(range(2**62, 2**62 + 2)))
it = iter([1, 2, 3])
print(total(it), total(it))
grow = [1, 2, 3]
for x in grow:
    if len(grow) < 6:
        grow.append(x * 10)
print(grow)

def unpack(s):
    a, b = s
    return a, b
for _ in range(20):
    unpack((1, 2))
    unpack([3, 4])
print(unpack((1, 2)), unpack([3, 4]), unpack("xy"), unpack({5: 0, 6: 0}))
for bad in [(1, 2, 3), [1], "xyz", 5]:
    try:
        unpack(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

def f(a, b):
    return a - b
def g(a, b=2, *rest):
    return (a, b, rest)
def caller(fn, x):
    return fn(x, 1)
for _ in range(20):
    caller(f, 5)
print(caller(f, 5), caller(g, 5), caller(max, 5), caller(lambda *a: a, 5))
f.__defaults__ = (100,)
print(caller(f, 7))
def gen(a, b):
    yield a
    yield b
print(list(caller(gen, 9)))
class K:
    def m(self, x, y):
        return ("m", x, y)
k = K()
print(caller(k.m, 3))
try:
    caller(lambda a: a, 1)
except TypeError as e:
    print("TypeError:", e)
