# zip (including strict), map, filter.
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip("ab", "cd", "ef")))
print(list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1, 2], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip("ab", [1, 2, 3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip("a", "b", "cd", strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x > 1, [1, 2, 3])), list(filter(str.isdigit, "a1b2")))
m = map(lambda x: 1 / x, [1, 0])
print(next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
for bad in [lambda: zip(5), lambda: map(len), lambda: map(None, [1]), lambda: filter(len, 5)]:
    try:
        list(bad())
    except TypeError as e:
        print(type(e).__name__, e)
z = zip(range(3), "abc")
print(type(z).__name__, next(z), list(z))
print(dict(zip("abc", map(ord, "abc"))))
