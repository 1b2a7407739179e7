# Nested comprehensions: matrices, cartesian products, flattening.
n = 4
ident = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
for row in ident:
    print(row)
mult = [[i * j for j in range(1, n + 1)] for i in range(1, n + 1)]
print(mult, [sum(r) for r in mult], [sum(c) for c in zip(*mult)])
flat = [x for row in mult for x in row]
print(flat, len(flat))
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
print([[c for c in w] for w in ["ab", "cde"]])
print({ch: [i for i, c in enumerate("banana") if c == ch] for ch in "ban"})
chess = ["".join("#" if (r + c) % 2 else "." for c in range(8)) for r in range(4)]
print("\n".join(chess))
