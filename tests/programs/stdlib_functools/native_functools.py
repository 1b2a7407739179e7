from _functools import reduce, partial, cmp_to_key, _lru_cache_wrapper

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 7), reduce(max, [3, 9, 2]))
print(reduce(lambda a, b: a + b, ["x", "y"], "s"), reduce(lambda a, b: b, iter(range(5))))
show("empty", lambda: reduce(lambda a, b: a, []))
show("one arg", lambda: reduce(1))
show("four args", lambda: reduce(1, 2, 3, 4))
show("not iterable", lambda: reduce(lambda a, b: a, 5))
show("partial none", lambda: partial())
show("partial int", lambda: partial(1))

def f(a, b, c=3, *, d=4):
    return (a, b, c, d)

p = partial(f, 1, d=9)
print(p(2), p(2, 5, d=0), p.func is f, p.args, p.keywords, repr(p).startswith("functools.partial(<function f at "))
q = partial(p, 7, c=1)
print(q(), q.func is f, q.args, q.keywords)
print(repr(partial(print, 1, 'x', sep='-')), repr(partial(len)))
class P(partial):
    pass
pp = P(print, 1)
print(repr(pp), type(pp).__name__, type(P(pp)).__name__, P(pp).func is pp)
p.attr = 5
print(p.attr, p.__dict__)
class C:
    m = partial(f, 100)
print(C().m(2), C.m(3))
show("partial call error", lambda: partial(f)())
show("set func", lambda: setattr(p, "func", len))
r = partial(partial)
print(r(len)([1, 2]))
rec = partial(print)
print(repr(partial(repr, rec)))

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
K = cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) > K(2), K(1) >= K(2), K(1) != K(1), K(5).obj)
show("K vs int", lambda: K(1) < 2)
show("K hash", lambda: hash(K(1)))
show("K no args", lambda: K())
print(type(K).__name__, type(K(1)).__module__)

class Info(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))
    def __repr__(self):
        return "Info(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)

calls = []
def square(x):
    calls.append(x)
    return x * x
sq = _lru_cache_wrapper(square, 2, False, Info)
print(sq(2), sq(2), sq(3), sq(4), sq(2), calls)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq(5), sq.cache_info())
unbounded = _lru_cache_wrapper(lambda *a, **k: (a, sorted(k.items())), None, False, Info)
print(unbounded(1), unbounded(1), unbounded(1, x=2), unbounded(1, x=2), unbounded(1.0), unbounded.cache_info())
typed = _lru_cache_wrapper(lambda x: repr(x), 10, True, Info)
print(typed(1), typed(1.0), typed(True), typed(1), typed.cache_info())
nocache = _lru_cache_wrapper(lambda x: x, 0, False, Info)
print(nocache(1), nocache(1), nocache.cache_info())
negative = _lru_cache_wrapper(lambda x: x, -5, False, Info)
print(negative(1), negative.cache_info())
show("bad maxsize", lambda: _lru_cache_wrapper(len, "x", False, Info))
show("not callable", lambda: _lru_cache_wrapper(1, 1, False, Info))
def fib(n):
    return n if n < 2 else cfib(n - 1) + cfib(n - 2)
cfib = _lru_cache_wrapper(fib, 128, False, Info)
print(cfib(90), cfib.cache_info())
show("unhashable", lambda: cfib([1]))
class A:
    def m(self, x):
        return (type(self).__name__, x)
    m = _lru_cache_wrapper(m, 8, False, Info)
a = A()
print(a.m(1), a.m(1), A.m.cache_info(), A.m.__get__(None, A) is A.m)
cfib.label = "fib"
print(cfib.label, cfib.__dict__, cfib.__copy__() is cfib)
