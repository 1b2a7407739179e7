# Unpacking targets inside comprehensions.
pairs = [(1, "a"), (2, "b"), (3, "c")]
print([n for n, _ in pairs], [s * n for n, s in pairs], {s: n for n, s in pairs})
nested = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in nested])
print([(first, rest) for first, *rest in ["abc", "de", "f"]])
print([k for k, *_ in [(1, 2, 3), (4, 5)]])
print([x for x, in [(1,), (2,)]])
print(dict((v, k) for k, v in enumerate("xyz")))
