# Needs _weakref (functools imports collections, which imports _weakref).
import functools
from functools import partial, lru_cache, wraps, total_ordering, cached_property, reduce, cache, partialmethod

@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2))
print(sq.cache_info(), sq.__name__, sq.__wrapped__.__name__, sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(30), fact.cache_info())

@lru_cache(maxsize=None, typed=True)
def g(*a, **k):
    return len(a) + len(k)
print(g(1), g(1.0), g(1, x=2), g(1, x=2), g.cache_info())

class A:
    @lru_cache
    def m(self, x):
        return x + 1
a = A()
print(a.m(1), a.m(1), A.m.cache_info())

def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner

@deco
def hello():
    "doc of hello"
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__)

@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)], key=lambda x: x)[0].v)

class CP:
    @cached_property
    def val(self):
        print("computed once")
        return 42
c = CP()
print(c.val, c.val, c.__dict__)

class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state):
        self.alive = bool(state)
    set_alive = partialmethod(set_state, True)
cell = Cell()
cell.set_alive()
print(cell.alive, reduce(lambda x, y: x * y, range(1, 6)))
print(partial(int, base=2)("101"), repr(partial(int, base=2)))
