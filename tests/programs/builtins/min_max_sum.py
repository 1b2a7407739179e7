# min, max, sum with all their options.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"), max([1, 2], [1, 3]))
print(min([], default=None), max([], default="empty"), min([3, 1], default=0), max([-1, -5], key=abs), min(["aa", "b"], key=len))
print(max([1, 3, 3], key=lambda x: x), max([(1, "a"), (1, "b")]), min(1, 1.0), max(1.0, 1))
for bad in [lambda: min([]), lambda: max(), lambda: min(1), lambda: max(1, 2, default=0), lambda: min([1, "a"])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum([]), sum([1, 2, 3]), sum([0.1, 0.2]), sum([1, 2], 10), sum(range(101)), sum([[1], [2]], []), sum([(1,), (2,)], ()))
print(sum([1.5, 2]), sum([True, True]), sum([1j, 2]), sum(x * x for x in range(4)), sum([], start=5))
for bad in [lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: sum(5)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(sum([10 ** 20, 1, -(10 ** 20)]), sum([1e100, 1, -1e100]))
