# Argument evaluation order and kwargs ordering.
log = []
def a(v):
    log.append(v)
    return v
def f(*args, **kwargs):
    return args, kwargs
print(f(a(1), a(2), x=a(3), *[a(4)], y=a(5), **{"z": a(6)}))
print(log)
def kw(**k):
    return list(k)
print(kw(b=1, a=2, c=3), kw(**{"z": 1, "y": 2}, x=3))
def order(x, y, z):
    return x, y, z
print(order(z=3, x=1, y=2), order(1, z=3, y=2))
