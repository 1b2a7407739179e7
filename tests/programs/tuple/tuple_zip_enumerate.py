# Tuples produced by zip/enumerate/divmod/dict.items.
names = ("ann", "bob", "cy")
ages = (31, 25, 40)
for pair in zip(names, ages):
    print(pair, type(pair).__name__)
people = tuple(zip(names, ages))
print(people, dict(people), tuple(zip(*people)))
print(tuple(enumerate(names, 10)), divmod(17, 5), type(divmod(1, 1)).__name__)
print(sorted(people, key=lambda p: p[1]), min(people, key=lambda p: p[1])[0])
d = {"x": 1, "y": 2}
print(tuple(d.items()), tuple(d), tuple(d.values()))
print(tuple(zip()), tuple(zip("ab")), tuple(zip("abc", range(2))))
