# Exception identity, equality, and use in containers.
a = ValueError("x")
b = ValueError("x")
print(a == b, a is b, a == a, str(a) == str(b), a.args == b.args)
errs = [ValueError("v"), KeyError("k"), ValueError("w")]
print([type(e).__name__ for e in errs if isinstance(e, ValueError)])
counts = {}
for e in errs:
    counts[type(e).__name__] = counts.get(type(e).__name__, 0) + 1
print(counts)
print(sorted(errs, key=lambda e: str(e)) == [errs[1], errs[0], errs[2]], sorted(map(str, errs)))
print(isinstance(ValueError, type), ValueError.__name__, ValueError.__base__.__name__, type(ValueError()).__bases__)
