# Slice assignment, deletion and extended slices on lists.
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [99, 100]
print(a)
a[1:3] = []
print(a)
a[::2] = ["E"] * len(a[::2])
print(a)
del a[::3]
print(a)
del a[-2:]
print(a)
a[:] = "xyz"
print(a)
a[1:1] = range(3)
print(a)
b = list(range(10))
b[::-2] = [0] * 5
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
c = list(range(20))
print(c[3:15:4], c[15:3:-4], c[-1:-5:-1], c[::7], c[slice(2, 8)], c[slice(None, None, -5)])
del c[5:15]
print(c)
c[2:4] = c
print(c)
d = [1, 2, 3]
d[5:10] = [4]
print(d)
d[-100:1] = [0]
print(d)
e = list(range(6))
del e[1], e[2]
print(e)
