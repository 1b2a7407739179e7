# Generator functions, lazy evaluation, state.
def countdown(n):
    print("  start")
    while n > 0:
        print("  yielding", n)
        yield n
        n -= 1
    print("  end")
g = countdown(3)
print(type(g).__name__, g.__name__)
print(next(g))
print(next(g))
print(list(g))
print(list(g), next(g, "exhausted"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, fib())), list(take(0, fib())))
def empty():
    return
    yield
print(list(empty()))
def yields_none():
    yield
    yield
print(list(yields_none()))
def with_expr():
    x = yield 1
    print("  got", x)
    y = yield x
    print("  got", y)
w = with_expr()
print(next(w), next(w), list(w))
