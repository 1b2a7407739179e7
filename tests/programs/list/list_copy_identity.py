# list() copies, identity vs equality, del of names and items.
a = [1, 2, 3]
b = list(a)
c = a[:]
d = a.copy()
e = a
print(a == b == c == d, a is b, a is c, a is d, a is e)
a.append(4)
print(a, b, c, d, e)
x = [[]] * 3
x[0].append("shared")
print(x)
y = [[] for _ in range(3)]
y[0].append("own")
print(y)
del e
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
print(a)
lst = list(range(8))
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)
try:
    del lst[10]
except IndexError as err:
    print(type(err).__name__, err)
