# Keys of many types in one dict.
d = {}
keys = [0, 1, -1, 2 ** 80, 1.5, -0.0, "s", "", b"b", (1, "t"), (), None, True, frozenset({1, 2}), 3 + 4j, ..., int, len]
for i, k in enumerate(keys):
    d[k] = i
print(len(d))
for k in keys:
    print(repr(k) if not callable(k) else k.__name__, d[k])
print(d[0.0], d[False], d[1.0], d[frozenset([2, 1])], d[(1, "t")])
