# Tuple packing/unpacking, swaps, nested and starred.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = b, c, a = 1, 2, 3 if False else (7, 8, 9)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
h, *t = (1,)
print(h, t)
*i, l = "abc"
print(i, l)
first, *_, last = range(10)
print(first, last, _)
def pair():
    return 1, "one"
n, s = pair()
print(n, s, pair())
for (k, v), w in zip([("a", 1), ("b", 2)], "xy"):
    print(k, v, w)
data = [(1, (2, 3)), (4, (5, 6))]
for p, (q, r) in data:
    print(p + q + r)
try:
    (a, b), c = (1, 2, 3), 4
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
m = (1, 2, 3)
print(*m, sep="-")
print((*m, *m), (*m,), [*m])
