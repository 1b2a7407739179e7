# Default values shared across calls, mutation of __defaults__, __kwdefaults__.
def f(a, b=[], *, c=()):
    b.append(a)
    return b, c
print(f(1), f(2))
f.__kwdefaults__ = {"c": "new"}
print(f(3))
f.__defaults__ = ([],)
print(f(4), f(5))
def g(x):
    return x + 1
g.__code__ = (lambda x: x * 100).__code__
print(g(2))
def h():
    return h.counter
h.counter = 7
print(h(), vars(h))
print(sorted(k for k in dir(g) if k.startswith("__") and k in ("__call__", "__code__", "__name__", "__defaults__")))
