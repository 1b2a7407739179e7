# Calls of Python functions inside hot loops: traces inline them, and
# guards inside the inlined code rebuild the callee's frame.
import sys


def add(a, b):
    return a + b


def clamp(x, lo=0, hi=1000):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def half(x):
    # An int for even x, then a float: the callee's kinds change.
    if x % 2 == 0:
        return x // 2
    return x / 2


def outer(x):
    return inner(x) + 1


def inner(x):
    return x * 2


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, v):
        self.total = add(self.total, v)
        return self


def make_counter(step):
    count = 0

    def increment():
        nonlocal count
        count += step
        return count

    return increment


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def divide(a, b):
    return a // b


def main():
    t = 0
    for i in range(3000):
        t = add(t, clamp(i - 1500, hi=1200) if False else clamp(i - 1500))
    print("clamp", t)

    s = 0.0
    for i in range(3000):
        s += half(i)
    print("half", s)

    u = 0
    for i in range(3000):
        u += outer(i)
    print("outer", u)

    acc = Acc()
    for i in range(3000):
        acc.add(i).add(1)
    print("acc", acc.total)

    counters = [make_counter(k) for k in range(1, 4)]
    c = 0
    for i in range(3000):
        for counter in counters:
            c += counter() & 0xFF
    print("counters", c)

    # Recursion deeper than a trace inlines.
    f = 0
    for i in range(2000):
        f += fact(i % 15) % 1000
    print("fact", f)

    # The function called changes in the loop.
    fs = [add, lambda a, b: a - b, lambda a, b: a * b]
    g = 0
    for i in range(3000):
        g = fs[i % 3](g, i) % 100003
    print("changing callee", g)

    # An exception raised inside an inlined call, with its traceback.
    q = 0
    try:
        for i in range(3000, -1, -1):
            q += divide(100000, i)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print("raised", q, names)

    # The recursion limit is respected with inlined frames on the stack.
    def deep(n):
        if n == 0:
            total = 0
            for i in range(2000):
                total += add(i, 1)
            return total
        return deep(n - 1)

    print("deep", deep(sys.getrecursionlimit() - 30))


SCALE = 1


def scaled(n):
    t = 0
    for i in range(n):
        t += SCALE * i
    return t


def changing_globals():
    # A global that changes between entries of a compiled loop: the loop
    # is thrown away, then recorded again reading it every iteration.
    global SCALE
    out = []
    for k in range(6):
        SCALE = k
        out.append(scaled(500))
    print("globals", out)
    SCALE = 2.5
    print("global float", scaled(500))

    def plus(x):
        return x + 1

    def minus(x):
        return x - 1

    def run(n):
        t = 0
        for i in range(n):
            t += plus(i)
        return t

    first = run(1000)
    plus.__code__ = minus.__code__
    print("__code__", first, run(1000))
    plus.__defaults__ = (5,)
    print("__defaults__", run(1000))


main()
changing_globals()
