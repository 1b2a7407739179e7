# del on names, items, slices, attributes; errors.
x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[0], lst[-1]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
print(d)
class O:
    pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(f())
try:
    del d["zzz"]
except KeyError as e:
    print(type(e).__name__, e)
m = [[1, 2], [3, 4]]
del m[1][0]
print(m)
g = 5
def delg():
    global g
    del g
delg()
print("g" in globals())
(p, q) = (1, 2)
del (p, q)
print("p" in dir())
