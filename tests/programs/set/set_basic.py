# set construction and membership (printed sorted to avoid order dependence).
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 not in s, set(), sorted(set("hello")), sorted(set([1, 1.0, True, 2])), set(range(3)))
e = set()
print(e, len(e), bool(e), bool({0}), type({}).__name__, type(set()).__name__)
s.add(10)
s.add(1)
print(sorted(s))
s.discard(10)
s.discard(99)
s.remove(3)
print(sorted(s))
try:
    s.remove(99)
except KeyError as err:
    print(type(err).__name__, err)
p = {42}.pop()
print(p)
try:
    set().pop()
except KeyError as err:
    print(type(err).__name__, err)
try:
    {[1]}
except TypeError as err:
    print(type(err).__name__, err)
try:
    set(5)
except TypeError as err:
    print(type(err).__name__, err)
c = s.copy()
c.add(7)
print(sorted(s), sorted(c))
c.clear()
print(c)
print({1, 2} == {2, 1}, {1} != {1, 2}, {1, 2} == frozenset({1, 2}), repr({5}), repr(set()))
print({(1, 2), (1, 2), (2, 1)} == {(1, 2), (2, 1)}, len({"a", "a", "b"}))
