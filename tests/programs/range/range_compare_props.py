# range equality is by sequence; properties and conversions.
pairs = [(range(0), range(2, 2)), (range(1, 2), range(1, 3, 5)), (range(0, 10, 2), range(0, 9, 2)), (range(5), range(0, 5, 1)), (range(3), range(1, 4))]
for a, b in pairs:
    print(repr(a), repr(b), a == b, list(a) == list(b))
r = range(-10, 10, 3)
print(tuple(r), set(r) == set(list(r)), str(r), r.count(-4), r.index(-4), -4 in r, -3 in r)
print(range(5)[True], range(10)[2:8][1:3], range(10)[::-1][2], len(range(-5, 5, -1)))
print(sorted(range(5), reverse=True), list(range(3)) * 2, [*range(2), *range(3)])
try:
    range(3)[1] = 0
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(3) + range(2)
except TypeError as e:
    print(type(e).__name__, e)
