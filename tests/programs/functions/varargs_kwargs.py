# *args and **kwargs, calling with unpacking.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2), f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
def g(a, b, *rest, c, d=4, **kw):
    return a, b, rest, c, d, kw
print(g(1, 2, c=3), g(1, 2, 3, 4, 5, c=6, d=7, e=8), g(*range(5), c=0), g(c=1, b=2, a=3))
def show(**kw):
    for k in kw:
        print(" ", k, "=", kw[k])
show(z=1, a=2, m=3)
args = (1, 2)
kwargs = {"c": 3}
print(g(*args, **kwargs))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(1, 2, c=3, a=4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
def total(*nums, start=0):
    return start + sum(nums)
print(total(), total(1, 2, 3), total(1, start=10), total(*range(101)))
print(f(*"ab", **dict(k="v")))
