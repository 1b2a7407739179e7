# `for a, b in zip(...)` and `for i, x in enumerate(...)` in compiled loops:
# the items are read from the zipped iterators without making tuples.


def dot(xs, ys):
    s = 0.0
    for x, y in zip(xs, ys):
        s += x * y
    return s


def weighted(items):
    t = 0
    for i, v in enumerate(items):
        t += i * v
    return t


def triples(a, b, c):
    t = 0
    for x, y, z in zip(a, b, c):
        t += x - y + z
    return t


def mixed(xs, names):
    out = []
    for n, (x, name) in enumerate(zip(xs, names)):
        if name is None:
            out.append(n)
        else:
            out.append(x)
    return len(out), sum(out)


xs = [i * 0.5 for i in range(4000)]
ys = [1.0 - i * 0.25 for i in range(4000)]
print("dot", dot(xs, ys), dot(xs, tuple(ys)))
print("weighted", weighted(list(range(4000))), weighted(tuple(range(4000))))
print("mixed kinds", weighted([1, 2.5] * 2000))
print("triples", triples(range(3000), list(range(3000)), [1] * 2500))
print("mixed", mixed(list(range(3000)), [None, "a", "b"] * 1000))
# Unequal lengths stop at the shortest; an enumerate with a start.
print("short", dot(xs, ys[:1000]), sum(i for i, _ in enumerate(xs, 10**6)))
# strict zip raises at the end.
try:
    for a, b in zip(xs, ys[:3000], strict=True):
        pass
except ValueError as e:
    print("strict", e)
# The same iterator zipped with itself hands out successive items.
it = iter(list(range(6000)))
print("self zip", sum(a - b for a, b in zip(it, it)))
pairs = 0
it = iter(list(range(6000)))
for a, b in zip(it, it):
    pairs += b - a
print("self zip loop", pairs)
# A huge enumerate start leaves the small ints.
t = 0
for i, x in enumerate([1] * 3000, 2**62 - 1500):
    t += i % 7
print("big count", t)
