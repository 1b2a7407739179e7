# Default arguments: evaluation time, mutable defaults, None idiom.
def f(a, b=2, c="c"):
    return (a, b, c)
print(f(1), f(1, 3), f(1, c="z"), f(a=0), f(1, 2, 3))
counter = 10
def g(x=counter):
    return x
counter = 20
print(g(), g.__defaults__)
def bad(item, acc=[]):
    acc.append(item)
    return acc
print(bad(1), bad(2), bad(3, []), bad(4))
def good(item, acc=None):
    if acc is None:
        acc = []
    acc.append(item)
    return acc
print(good(1), good(2))
def h(a, b=[], *, c={}):
    return a, b, c
print(h.__defaults__, h.__kwdefaults__)
def k(x, y=None, z=0.5):
    return f"{x}-{y}-{z}"
print(k("a"), k("a", z=1), k(y=2, x=1))
def log_calls(n, _cache={}):
    _cache[n] = _cache.get(n, 0) + 1
    return dict(_cache)
print(log_calls(1), log_calls(1), log_calls(2))
f.__defaults__ = (100, 200)
print(f(0))
