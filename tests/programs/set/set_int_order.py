# Iteration order of small-int sets matches CPython's hash table layout.
print({3, 1, 2}, {5, 4, 3, 2, 1}, set(range(10, 0, -1)), {0, 8, 16, 1})
s = set()
for i in [40, 3, 17, 8, 1]:
    s.add(i)
print(s)
s.discard(17)
s.add(25)
print(s, list({100, 50, 7}))
