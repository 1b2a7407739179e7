# Union, intersection, difference, symmetric difference, subset relations.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [10])), sorted(a.intersection(b, range(5))), sorted(a.difference(b, {1})), sorted(a.symmetric_difference([5, 9])))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, {1, 9}.issubset(a), a.issuperset([1, 2]), a.isdisjoint({8, 9}), a.isdisjoint(b))
c = set(a)
c |= {100}
c &= {1, 2, 100, 200}
print(sorted(c))
c -= {1}
c ^= {2, 3}
print(sorted(c))
d = set(range(10))
d.update([20], {21})
d.intersection_update(range(5), range(3, 30))
print(sorted(d))
d.difference_update({3})
d.symmetric_difference_update({4, 5})
print(sorted(d))
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < [1]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(a.union()), a.intersection() == a, sorted(set().union(*[{1}, {2}, {3}])))
print(sorted({x % 7 for x in range(100)} - {0}), {"a", "b"} & {"b", "c"})
