# List comprehensions with conditions, nesting and expressions.
print([x * 2 for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0], [x if x % 2 else -x for x in range(6)])
print([(x, y) for x in range(3) for y in "ab"], [[x * y for y in range(4)] for x in range(3)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix], [n for row in matrix for n in row if n % 2])
print([[row[i] for row in matrix] for i in range(3)])
words = ["Hello", "World", "Krait", "py"]
print([w.lower() for w in words if len(w) > 2], [len(w) for w in words], [w[::-1] for w in words])
print([c for w in words for c in w if c.isupper()])
print([(i, c) for i, c in enumerate("xyz")], [a + b for a, b in zip([1, 2], [10, 20])])
print([x for x in []], [y for y in range(3) for _ in range(2)], [[]for _ in range(2)])
print([i for i in range(3) for i in range(i)])
print([f(3) for f in [lambda v: v + 1, lambda v: v * 2]])
print([x ** 2 for x in range(100) if str(x ** 2) == str(x ** 2)[::-1]])
