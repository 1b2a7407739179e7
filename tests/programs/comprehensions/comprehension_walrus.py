# Assignment expressions inside comprehensions bind in the enclosing scope.
data = [3, 8, 1, 9, 4]
running = 0
sums = [running := running + x for x in data]
print(sums, running)
vals = [y for x in data if (y := x * x) > 10]
print(vals, y)
def f():
    [last := i for i in range(5)]
    return last
print(f())
import math
roots = {n: r for n in range(1, 30) if (r := math.isqrt(n)) ** 2 == n}
print(roots)
