# tuple construction, indexing, immutability.
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"a": 1}), 1, 2 if False else (1, 2))
t = (10, 20, 30, 40)
print(t[0], t[-1], t[1:3], t[::-1], t[::2], len(t), t.index(30), t.count(10), 20 in t, 50 not in t)
try:
    t[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[9]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.append(1)
except AttributeError as e:
    print(type(e).__name__, e)
print(t + (50,), t * 2, (0,) * 3, () * 5, (1,) + ())
x = 1, 2, 3
y = 4,
print(x, y, type(y).__name__, len(()))
u = ([1], 2)
u[0].append(3)
print(u)
print(repr((1,)), str(("a", "b")), repr(((),)), repr((("x",),)))
print(tuple.__name__, isinstance((), tuple), (1, 2).__len__(), (1, 2).__getitem__(0))
try:
    (1, 2) + [3]
except TypeError as e:
    print(type(e).__name__, e)
