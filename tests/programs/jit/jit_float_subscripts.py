# Float items read by index from lists and tuples in traced loops, and the
# ways such a read can miss: another kind of item, an index out of range.
def dot(xs, ys, n):
    t = 0.0
    i = 0
    while i < n:
        t += xs[i] * ys[-1 - i]
        i += 1
    return t
xs = [i * 0.5 for i in range(1000)]
ys = tuple(xs)
s = 0.0
for _ in range(300):
    s += dot(xs, ys, 1000)
print(s)
xs[500] = 3
print(dot(xs, ys, 1000))
xs[600] = "x"
try:
    dot(xs, ys, 1000)
except TypeError as e:
    print("TypeError", e)
xs[600] = 1.0
try:
    dot(xs, ys, 2000)
except IndexError as e:
    print("IndexError", e)
