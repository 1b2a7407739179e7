# Assignment expressions.
data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long list", n)
while (item := data.pop()) != 12:
    print("popped", item)
print("stopped at", item, data)
print([y for x in range(6) if (y := x * x) % 2 == 0], y)
print((z := 10) + z, z)
def f(v):
    return (w := v * 2) + w
print(f(3))
values = iter(["a", "b", "", "c"])
while chunk := next(values):
    print("chunk", chunk)
import math
if (r := math.isqrt(50)) and r * r < 50:
    print("isqrt", r)
print([(a := i, a * 2) for i in range(3)], a)
