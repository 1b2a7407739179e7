# range objects: len, indexing, slicing, containment, equality.
for args in [(5,), (2, 8), (0, 10, 3), (10, 0, -2), (5, 5), (5, 0), (0, -10, -3), (-5, 5, 4)]:
    r = range(*args)
    print(repr(r), list(r), len(r), bool(r), r[0] if r else None, r[-1] if r else None)
r = range(0, 100, 7)
print(r[3], r[-2], r[2:5], r[::-1], r[::2], r[100:], list(r[1:-1:3]))
print(14 in r, 15 in r, 98 in r, -7 in r, 14.0 in r, "a" in r)
print(r.index(49), r.count(49), r.count(50), r.start, r.stop, r.step)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 10, 3) == range(1, 11, 3), range(3) == [0, 1, 2])
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r.index(50)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
big = range(10 ** 20)
print(len(range(10 ** 18)), big[-1], 10 ** 19 in big, big[10 ** 19], repr(big[::10 ** 19]))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(type(e).__name__, e)
print(hash(range(3)) == hash(range(0, 3)), list(reversed(range(5))), sum(range(101)), max(range(7)), min(range(3, 9)))
