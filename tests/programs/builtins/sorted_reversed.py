# sorted and reversed.
print(sorted([3, 1, 2]), sorted("cba"), sorted({3: 0, 1: 0}), sorted((2, 1)), sorted([], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted([-3, 2, -1], key=abs))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted()
except TypeError as e:
    print(type(e).__name__, e)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
for bad in [lambda: reversed({1, 2}), lambda: reversed(5), lambda: reversed(x for x in [])]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Rev())))
print(sorted([(1, "b"), (1, "a"), (0, "c")]), sorted(["10", "9", "1"], key=int))
