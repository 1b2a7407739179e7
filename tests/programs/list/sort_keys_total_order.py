# Sorts whose keys have a total order (small ints, strs, floats, tuples of
# those) must give exactly Python's stable order; anything else must still
# compare with < and raise as CPython does.

seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n

words = ["b", "a", "é", "ab", "", "Z", "zz", "\u20ac", "a\x00", "\U0001f600"]
pairs = [(rnd(5), words[rnd(len(words))], i) for i in range(60)]
print(sorted(pairs, key=lambda t: t[1])[:12])
print(sorted(pairs, key=lambda t: (t[0], t[1]))[:12])
print(sorted(pairs, key=lambda t: (t[1], -t[0]), reverse=True)[:12])
print(sorted(pairs, key=lambda t: t[0], reverse=True)[:12])
print(sorted([(1, "b"), (1,), (0, "z", 1), (1, "a", 0), ()]))
print(sorted([3.5, -0.0, 0.0, 2, -1e300, 1e-300]))
print(sorted([0.0, -0.0, 0.0, -0.0]), sorted([-0.0, 0.0], reverse=True))
print(sorted([2**70, 1, -2**70, 5]))
print(sorted([(2**70, 1), (1, 2)]))
print(sorted([(1.5, "x"), (1, "y"), (1.5, "a")]))
print(sorted(words))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted([(1, nan), (1, 0.5), (0, nan)]))
print(sorted([True, 0, 1, False, -1]))
for bad in [[1, "a"], [(1, 2), ("a", 2)], [(1,), 1], [None, None]]:
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)
print(sorted([None]), sorted([(1, None)]))
class Rev(str):
    def __lt__(self, other):
        return str.__gt__(self, other)
print(sorted([Rev("a"), Rev("c"), Rev("b")]))
print(sorted([("a", Rev("a")), ("a", Rev("b"))]))
stable = sorted([(k % 3, k) for k in range(12)], key=lambda t: t[0])
print(stable)
lst = [(rnd(3), rnd(3)) for _ in range(20)]
lst.sort()
print(lst)
