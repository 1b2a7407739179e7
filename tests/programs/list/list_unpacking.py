# Unpacking lists into variables and calls.
a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = [10, 20, 30, 40]
print(first, rest)
*init, last = [10, 20, 30]
print(init, last)
x, *mid, y = [1, 2]
print(x, mid, y)
[p, q], r = [[1, 2], 3]
print(p, q, r)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
def f(*args):
    return args
print(f(*[1, 2], *[3], 4), [*range(3), *"ab"], [*[], *[]])
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
lst = [0, 0, 0]
lst[0], lst[2] = 5, 6
print(lst)
i = 0
i, lst[i] = 1, 9
print(i, lst)
