# Dict comprehensions and building dicts from data.
sq = {x: x * x for x in range(8)}
print(sq)
inv = {v: k for k, v in sq.items()}
print(inv)
print({k: v for k, v in sq.items() if v % 2 == 0})
words = ["apple", "bob", "cat", "anna", "bear", "civic"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
print({w: len(w) for w in words}, {len(w): w for w in words})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
m = {c: i for i, c in enumerate("hello")}
print(m)
keys = ["a", "b", "c"]
print(dict(zip(keys, range(10))), dict(enumerate(keys)))
nested = {i: {j: i + j for j in range(3)} for i in range(3)}
print(nested, nested[2][1])
