# slice.indices and range slicing with bounds and steps beyond a machine word.
print(slice(None, None, 10**20).indices(10**30), slice(-10**25, 10**25, -3).indices(10**24))
print(slice(1, 2).indices(5), slice(None, None, -1).indices(0), slice(5, -1, -2).indices(10))
r = range(-10**20, 10**20, 7)
print(r[::10**19], r[10**15:-10**15:-3], r[-5:], r[::-1][0], range(10)[::-3], range(0)[::2])
for bad in [lambda: slice(1, 2, 0).indices(3), lambda: slice(1).indices(-1), lambda: slice("a").indices(3), lambda: range(5)[::0]]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
