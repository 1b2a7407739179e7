# += vs + on lists, *=, and in-place ops through aliases and containers.
a = [1]
b = a
a += [2, 3]
print(a, b, a is b)
a += "xy"
print(a)
a += range(2)
print(a)
try:
    a = a + "z"
except TypeError as e:
    print(type(e).__name__, e)
a *= 2
print(a, b is a)
a *= 0
print(a, b)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
d = {"k": [1]}
d["k"] += [2]
print(d)
class Box:
    def __init__(self):
        self.items = []
box = Box()
box.items += [1, 2]
box.items.append(3)
print(box.items)
grid = [[0] * 2 for _ in range(2)]
grid[1][0] += 5
grid[0] += [9]
print(grid)
