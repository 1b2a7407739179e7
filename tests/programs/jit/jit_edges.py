# Edge cases of compiled loops: ranges and sums crossing the small-int limit,
# floor division and modulo signs, floats overflowing to inf, -0.0, NaN.
def a():
    out = []
    t = 0
    for i in range(2**62 - 5, 2**62 + 5):
        t = t + 1
    return t
def b():
    x = 2**62 - 10
    n = 0
    while n < 20:
        x = x + 1
        n += 1
    return x
def c():
    s = 0
    for i in range(-50, 50):
        for j in range(-7, 8):
            if j != 0:
                s += i // j - i % j
    return s
def d():
    f = 1.0
    for i in range(2000):
        f = f * 1.5
    return f
def e():
    z = 0.0
    for i in range(100):
        z = z - 0.0
    return z, str(-0.0 * 1)
def g():
    x = -(2**62)
    k = 0
    for i in range(5):
        x = x * 1
        k = x // -1
    return x, k
def h():
    nan = float("nan")
    c = 0
    for i in range(100):
        if nan != nan:
            c += 1
        if nan:
            c += 1
    return c
print(a(), b(), c(), d(), e(), g(), h())
