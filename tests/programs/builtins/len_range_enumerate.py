# len, range, enumerate.
for obj in ["", "abc", [], [1, 2], (), {1: 2}, {1, 2, 3}, range(10), range(0, 10, 3), b"xy", bytearray(5), frozenset("ab")]:
    print(repr(obj), len(obj))
for bad in [5, None, 1.5, iter([]), (x for x in [])]:
    try:
        len(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-5)), list(enumerate([])))
e = enumerate(["x", "y"])
print(type(e).__name__, next(e), next(e), next(e, "end"))
print(list(enumerate(range(3), 10 ** 20)))
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
print(list(range(-3)), list(range(2, -2, -1)), range(5)[-1], len(range(1, 100, 7)))
