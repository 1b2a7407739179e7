# Keyword-only and positional-only parameters.
def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
for call in [lambda: f(a=1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3), lambda: f(1, 2, d=4), lambda: f(1, 2, 3, d=4, z=0)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def h(*, only):
    return only
print(h(only=1))
try:
    h(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    h()
except TypeError as e:
    print(type(e).__name__, e)
def p(a, b=2, /, c=3):
    return a, b, c
print(p(1), p(1, 5), p(1, 5, 6), p(1, c=9))
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount)
def defaults_both(a, /, b=1, *, c=2):
    return a + b + c
print(defaults_both(1), defaults_both(1, 10, c=100), defaults_both.__defaults__, defaults_both.__kwdefaults__)
