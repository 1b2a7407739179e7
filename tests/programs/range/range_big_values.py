# ranges with big-int bounds.
r = range(2 ** 64, 2 ** 64 + 10, 3)
print(list(r), len(r), r[1], 2 ** 64 + 3 in r, 2 ** 64 + 4 in r, r.index(2 ** 64 + 9))
r2 = range(-(2 ** 100), 2 ** 100, 2 ** 98)
print(len(r2), r2[3], r2[-1], list(r2)[:2], 0 in r2)
print(repr(range(10 ** 30, 0, -(10 ** 29))), list(range(10 ** 30, 0, -(10 ** 29)))[-1])
