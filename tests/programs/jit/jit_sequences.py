# Loops over lists and tuples, and subscripts of them, traced.
def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


def ftotal(xs):
    s = 0.0
    for x in xs:
        s += x * 2.0
    return s


def index_sum(xs, n):
    s = 0
    i = 0
    while i < n:
        s += xs[i] - xs[-1]
        i += 1
    return s


ints = list(range(3000))
print(total(ints), total(tuple(ints)))
floats = [i * 0.25 for i in range(3000)]
print(ftotal(floats), ftotal(tuple(floats)))
print(index_sum(ints, 3000), index_sum(tuple(ints), 3000))
# An item of another kind in the middle leaves the loop.
mixed = list(range(2000)) + [0.5] + list(range(2000))
print(total(mixed))
mixed2 = [1.5] * 2000 + [3] + [2.5] * 2000
print(ftotal(mixed2))
big = list(range(2000)) + [2**70] + list(range(10))
print(total(big))
# Objects as items.
strs = ["a", "bb", "ccc"] * 1000
n = 0
for s in strs:
    t = s
    n += 1
print(n, t)
# Index out of range inside the loop.
try:
    print(index_sum(ints, 3001))
except IndexError as e:
    print("IndexError", e)
try:
    print(index_sum(tuple(ints), 3001))
except IndexError as e:
    print("IndexError", e)


class L(list):
    def __getitem__(self, i):
        return 1


print(index_sum(L(ints), 3000))
