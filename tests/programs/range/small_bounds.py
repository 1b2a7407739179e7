# range() of small ints (built without big-int arithmetic) and of bounds at
# and past the small-int limit must agree in length, items and repr.
m = 2 ** 62 - 1
cases = [(5,), (2, 9), (9, 2, -2), (0,), (-5,), (m,), (-m - 1, m, 3), (m, -m - 1, -1),
         (1, 10, 4), (10, 1, -4), (3, 3), (m - 2, m + 2), (-m - 3, -m), (0, 2 ** 63, 2 ** 62)]
for args in cases:
    r = range(*args)
    try:
        n = len(r)
    except OverflowError as e:
        n = f"OverflowError: {e}"
    first = [r[i] for i in range(3) if i < r.__len__()] if not isinstance(n, str) else r[0]
    print(args, n, first, r[-1] if r else None, repr(r), r.start, r.stop, r.step, bool(r))
for bad in [(1, 2, 0), (1.5,), ("a", 2)]:
    try:
        range(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum(range(10 ** 6)), sum(range(0, -100, -7)), 10 ** 5 in range(0, 10 ** 6, 5), range(3) == range(0, 3, 1))
