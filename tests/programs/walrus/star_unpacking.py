# Extended unpacking in assignments, calls, literals.
a, *b = "hello"
*c, d = [1, 2, 3]
e, *f, g = range(5)
print(a, b, c, d, e, f, g)
[h, *i], j = [1, 2, 3], 4
print(h, i, j)
first, (second, *rest) = 1, (2, 3, 4)
print(first, second, rest)
print([*"ab", *[1, 2], *range(2)], (*"xy",), {*"aab"} == {"a", "b"}, {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), **{"x": 1}, y=2))
head, *tail = [0]
print(head, tail)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
try:
    *only, = 5
except TypeError as err:
    print(type(err).__name__, err)
*single, = "abc"
print(single)
