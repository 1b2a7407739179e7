# Dict and set comprehensions.
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)} == {0, 1, 2})
print({i: i ** 2 for i in range(6) if i % 2}, {v: k for k, v in {"a": 1, "b": 2}.items()})
print(sorted({c.lower() for c in "AaBbCc"}), {(i, j): i * j for i in range(2) for j in range(2)})
words = "apple banana avocado cherry blueberry cranberry".split()
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print({w: len(w) for w in words if len(w) > 6})
print({k: {j for j in range(k)} for k in range(4)})
print(sorted({len(w) for w in words}), len({w[:2] for w in words}))
d = {n: ("even" if n % 2 == 0 else "odd") for n in range(5)}
print(d, list(d.values()).count("even"))
