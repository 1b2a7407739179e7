# frozenset: immutable and hashable.
f = frozenset([3, 1, 2])
print(sorted(f), len(f), 1 in f, hash(f) == hash(frozenset({1, 2, 3})), frozenset(), repr(frozenset()), repr(frozenset([7])))
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
g = f | {9}
print(type(g).__name__, sorted(g), type({9} | f).__name__, type(f & {1}).__name__, type(f.copy()).__name__)
d = {f: "set of three", frozenset(): "empty"}
print(d[frozenset([1, 2, 3])], d[frozenset()])
nested = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(nested))
print(f == {1, 2, 3}, {1, 2, 3} == f, f <= {1, 2, 3, 4}, frozenset("aab") == frozenset("ba"))
sets = [frozenset(s) for s in ["ab", "ba", "abc", "c"]]
print(len(set(sets)), sorted(sorted(s) for s in set(sets)))
print(sorted(frozenset(range(5)).difference([1, 2])), f.isdisjoint([7]), f.issubset(range(4)))
