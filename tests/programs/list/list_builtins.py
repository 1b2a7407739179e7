# Builtins applied to lists.
a = [4, -2, 7, 0, 7, 3]
print(len(a), sum(a), max(a), min(a), sorted(a), list(reversed(a)), any(a), all(a), all([]), any([]))
print(list(enumerate(a, start=1)), list(zip(a, a[1:])), list(map(abs, a)), list(filter(None, a)))
print(a.index(max(a)), [i for i, v in enumerate(a) if v == 7], sum(a, 100), sum([[1], [2]], []))
print(list(map(lambda x, y: x * y, a, range(10))), list(filter(lambda x: x > 2, a)))
print(max(a, key=lambda v: -v), min(a, default=None), max([], default="empty"))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(a, reverse=True)[:3], list(reversed(range(3))), [*a, *a[:2]])
print(str(a), repr(a), bool([]), bool([0]), hash(tuple(a)) == hash(tuple(a)))
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)
it = iter(a)
print(next(it), next(it), list(it), list(it))
