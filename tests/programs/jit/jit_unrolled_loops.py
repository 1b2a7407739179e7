# Loops inside inlined calls are unrolled into the caller's trace, and
# `for ... in range(...)` inside them (and in bridges, which run the rest
# of an outer loop) makes its iterator in the trace; calls at sites that
# see several functions are inlined per function.


def total(xs):
    t = 0
    for x in xs:
        t += x
    return t


def countdown(n):
    steps = 0
    while n > 0:
        n -= 2
        steps += 1
    return steps


def fill(row, width, start, step):
    for i in range(start, width, step):
        row[i] = i * step
    return row


def first_negative(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i
    return -1


def outer(n):
    acc = 0
    rows = [[1, 2, 3], [4, 5], [6], [], [7, 8, 9, 10]]
    for k in range(n):
        r = rows[k % 5]
        acc += total(r) + countdown(k % 7)
        acc += sum(fill([0] * 6, 6, k % 3, 1 + k % 2))
        acc += first_negative([3, 1, -k, 4])
    return acc


print(outer(3000))


def nested(n, m):
    t = 0
    for i in range(n):
        for j in range(m):
            t += i ^ j
        for j in range(m, 0, -3):
            t -= j
        for j in range(i % 4):
            t += 1
    return t


print(nested(300, 11))


def ranges_at_the_edges(n):
    out = []
    big = 2**62
    for k in range(n):
        s = 0
        for v in range(big - 3, big):
            s += v & 7
        for v in range(-2, 3, 2):
            s += v
        for v in range(10, 10):
            s += 1000
        out.append(s)
    return out[-1], len(out)


print(ranges_at_the_edges(1200))


def zero_step(n):
    caught = 0
    for k in range(n):
        try:
            for v in range(0, 5, (k > 1500) - 0):
                pass
        except ValueError as e:
            caught += 1
            msg = str(e)
    return caught, msg


print(zero_step(2000))


class Shape:
    def area(self):
        return 0


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


def areas(shapes, n):
    t = 0
    for _ in range(n):
        for sh in shapes:
            f = sh.area
            t += f()
    return t


print(areas([Square(2), Rect(2, 3), Shape(), Square(5)], 800))


def dispatch(fs, n):
    t = 0
    for i in range(n):
        f = fs[i % len(fs)]
        t += f(i)
    return t


print(dispatch([lambda x: x + 1, lambda x: x * 2, abs, lambda x: -x], 5000))


def raises_inside(n):
    def check(v):
        for d in range(2, 5):
            if v % d == 0 and v > 2000:
                raise KeyError(v)
        return v

    t = 0
    for i in range(n):
        try:
            t += check(i)
        except KeyError as e:
            t -= e.args[0]
    return t


print(raises_inside(3000))
