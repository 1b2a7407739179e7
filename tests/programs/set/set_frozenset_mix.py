# Mixing set and frozenset; result types follow the left operand.
s, f = {1, 2, 3}, frozenset({2, 3, 4})
for name, r in [("s|f", s | f), ("f|s", f | s), ("s&f", s & f), ("f-s", f - s), ("s^f", s ^ f), ("f^s", f ^ s)]:
    print(name, type(r).__name__, sorted(r))
print(s == frozenset(s), hash(frozenset(s)) == hash(frozenset([3, 2, 1])))
s2 = set(f)
s2.add(5)
print(sorted(s2), sorted(f))
print(frozenset(frozenset([1])) == frozenset([1]), set(frozenset("ab")) == {"a", "b"})
