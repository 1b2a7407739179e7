# Closures capture variables, not values.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2(), c1.__code__.co_freevars)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
def outer():
    x = "outer x"
    def middle():
        def inner():
            return x
        return inner
    x = "rebound x"
    return middle()()
print(outer())
def adders():
    return [(lambda n: lambda x: x + n)(n) for n in range(4)]
print([a(10) for a in adders()])
def make_acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = make_acc()
print(acc(1), acc(2), acc(3), acc.__closure__[0].cell_contents)
def shared():
    v = 0
    def get():
        return v
    def put(n):
        nonlocal v
        v = n
    return get, put
get, put = shared()
put(42)
print(get())
def late():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return f()
print(late())
