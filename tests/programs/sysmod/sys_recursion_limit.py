# getrecursionlimit / setrecursionlimit and their errors.
import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(2500))
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit("10")
except TypeError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())
