# Functions as values: map/filter/reduce written by hand, composition, partial application.
def reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
def partial(f, *fixed, **kfixed):
    def w(*a, **k):
        return f(*fixed, *a, **{**kfixed, **k})
    return w
def compose(*fs):
    def w(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return w
print(reduce(lambda a, b: a + b, range(10), 0), reduce(lambda a, b: a * b, range(1, 10), 1))
print(reduce(lambda a, s: a + [s.upper()], ["x", "y"], []))
pow2 = partial(pow, 2)
print([pow2(i) for i in range(8)], partial(int, base=2)("1011"), partial(print, sep="|")("a", "b") or "printed")
pipeline = compose(str, lambda x: x * 3, abs)
print(pipeline(-4))
def apply_n(f, n):
    return lambda x: x if n == 0 else apply_n(f, n - 1)(f(x))
print(apply_n(lambda x: x * 2, 10)(1))
funcs = [abs, str, bool, len, repr]
print([f.__name__ for f in funcs], [f("ab") if f is not abs else f(-1) for f in funcs])
def counter_factory():
    calls = {"n": 0}
    def f():
        calls["n"] += 1
        return calls["n"]
    return f
c = counter_factory()
print([c() for _ in range(5)])
