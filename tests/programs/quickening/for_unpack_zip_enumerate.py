# `for a, b in zip(...)` / `enumerate(...)`: the quickened FOR_ITER hands the
# items to the loop without a tuple; every way the site can change must
# still give what CPython gives.


def dot(xs, ys):
    total = 0
    for x, y in zip(xs, ys):
        total += x * y
    return total


def indexed(items):
    out = []
    for i, item in enumerate(items):
        out.append((i, item))
    return out


def three(a, b, c):
    return [x + y + z for x, y, z in zip(a, b, c)]


for _ in range(3):
    print(dot([1, 2, 3, 4], [5, 6, 7, 8]), dot(range(100), range(100, 200)))
    print(indexed("abc"), indexed([]))
    print(three([1, 2], [10, 20], [100, 200, 300]))


# One site, many iterators: zip, enumerate, then tuples, a list of lists,
# a zip of the wrong width (UNPACK_SEQUENCE raises), a generator.
def pairs(iterable):
    seen = []
    try:
        for a, b in iterable:
            seen.append(a)
            seen.append(b)
    except ValueError as e:
        seen.append(str(e))
    return seen


for _ in range(40):
    pairs(zip("ab", "cd"))
print(pairs(zip("ab", "cd")))
print(pairs(enumerate("xy")))
print(pairs([(1, 2), (3, 4)]))
print(pairs([[5, 6]]))
print(pairs(zip("abc", "def", "ghi")))
print(pairs(zip("a")))
print(pairs((k, v) for k, v in {1: 2}.items()))
print(pairs(enumerate("pq", 2**70)))


# strict zip, exhausted zips, an enumerate whose count goes big.
def strict_pairs(a, b):
    out = []
    try:
        for x, y in zip(a, b, strict=True):
            out.append(x + y)
    except ValueError as e:
        out.append(str(e))
    return out


for _ in range(40):
    strict_pairs([1], [2])
print(strict_pairs([1, 2], [3, 4]))
print(strict_pairs([1, 2], [3]))
print(strict_pairs([1], [3, 4]))

e = enumerate("abc", 2**62 - 2)
for i, ch in e:
    print(i, ch)
for i, ch in e:
    print("never", i, ch)

z = zip([1, 2, 3], "ab")
for a, b in z:
    print(a, b)
print(list(z))


# An iterator inside the zip that raises, and one that mutates its list.
def boom():
    yield 1
    raise KeyError("boom")


for _ in range(2):
    try:
        for a, b in zip([10, 20], boom()):
            print("got", a, b)
    except KeyError as e:
        print("KeyError", e)

grow = [1, 2, 3]
for i, v in enumerate(grow):
    if i < 3:
        grow.append(v * 10)
print(grow)
