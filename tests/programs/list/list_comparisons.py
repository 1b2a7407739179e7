# Comparing lists lexicographically, equality with other sequences.
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 100])
print([1, [2, 3]] == [1, [2, 3]], [1, 2] == (1, 2), [1.0] == [1], [[]] == [[]])
print(max([[1, 2], [1, 3], [0, 9]]), min([[1], [1, 0]]))
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
print([1, "a"] == [1, 2], [float("nan")] == [float("nan")])
n = float("nan")
print([n] == [n], [n] < [n])
class Eq:
    calls = 0
    def __eq__(self, other):
        Eq.calls += 1
        return True
e = Eq()
print([e, e] == [1, 2], Eq.calls, e in [1, 2, 3], Eq.calls)
print([1, 2, 3].index(2), [e].index(7), [3, 4].count(Eq()))
