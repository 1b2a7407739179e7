# Impossible sizes and bad values raise the exception CPython raises; deep recursion is a RecursionError.
import sys
tests = [
    lambda: [0] * (2**62),
    lambda: "x" * (2**62),
    lambda: list(range(2**62)),
    lambda: (1,) * (2**61),
    lambda: bytearray(2**62),
    lambda: int("9" * 5000),

    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: "abc"[10],

    lambda: sys.setrecursionlimit(-1),
    lambda: chr(-1),
    lambda: float("1e999999") * 0,
]
for t in tests:
    try:
        r = t()
        print("ok", type(r).__name__)
    except BaseException as e:
        print(type(e).__name__, str(e)[:60])
def deep(n): return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)
class A:
    def __getattr__(self, name): return getattr(self, name)
try:
    A().x
except RecursionError as e:
    print("RecursionError2", e)
d = {}
d[d.__class__] = 1
l = []
l.append(l)
print(l, repr(d)[:20])
