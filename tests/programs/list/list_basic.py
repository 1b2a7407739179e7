# list construction, indexing, len, repr.
print([], [1], [1, 2, 3], list(), list("abc"), list(range(5)), list((1, 2)), list({1: "a", 2: "b"}), list(x * 2 for x in range(3)))
a = [10, 20, 30, 40, 50]
print(a[0], a[-1], a[2], len(a), a[1:3], a[:], a[::-1], a[-2:], a[:-2], a[::2], a[10:], a[-10:2])
for i in [5, -6]:
    try:
        a[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    a["1"]
except TypeError as e:
    print(type(e).__name__, e)
nested = [[1, 2], [3, [4, 5]], []]
print(nested, nested[1][1][0], len(nested), nested[2])
r = [1]
r.append(r)
print(r)
print([None, True, 1.5, "s", b"b", (1,), {1}, {"k": 1}])
print(list.__name__, type([]).__name__, isinstance([], list))
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print([0] * 5, [[]] * 3, [1, 2] * 0, [1, 2] * -1, 2 * [3])
m = [[0] * 3] * 2
m[0][0] = 9
print(m)
m2 = [[0] * 3 for _ in range(2)]
m2[0][0] = 9
print(m2)
