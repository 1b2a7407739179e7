# Decorators: simple, with arguments, stacked, class decorators, preserving names.
def trace(f):
    def wrapper(*args, **kwargs):
        print(f"call {f.__name__}{args}")
        result = f(*args, **kwargs)
        print(f"  -> {result!r}")
        return result
    wrapper.__name__ = f.__name__
    wrapper.__wrapped__ = f
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
print(add.__name__, add.__wrapped__(1, 1))
def repeat(n):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bo"))
def tag(t):
    def deco(f):
        return lambda *a: f"<{t}>{f(*a)}</{t}>"
    return deco
@tag("b")
@tag("i")
def text(s):
    return s
print(text("stacked"))
order = []
def d1(f):
    order.append("d1")
    return f
def d2(f):
    order.append("d2")
    return f
@d1
@d2
def nothing():
    pass
print(order)
def register(cls):
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(Plugin.registered)
calls = {}
def count(f):
    def w(*a):
        calls[f.__name__] = calls.get(f.__name__, 0) + 1
        return f(*a)
    return w
@count
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15), calls)
def memo(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return w
@memo
def fib2(n):
    return n if n < 2 else fib2(n - 1) + fib2(n - 2)
print(fib2(150))
@(lambda f: f())
def immediately():
    return "called at definition"
print(immediately)
