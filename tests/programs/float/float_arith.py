# Float arithmetic, mixed int/float, precision.
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(1 / 3 * 3, 2 / 3, 10 / 4, -10 / 4, 10 / -4, 7 / 7, type(4 / 2).__name__)
print(2 ** 0.5, 4 ** 0.5, 2 ** -1, 10.0 ** 2, (-8.0) ** 2, 1.5 ** 2.5)
print(3 * 0.1, 0.1 * 3, 1e300 * 1e10 if False else 1e300 * 1e8)
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
import math
print(math.fsum([0.1] * 10))
x = 1.0
for i in range(60):
    x /= 2
print(x, x * 2 ** 60)
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0)
print(-(1.5), +(-1.5), abs(-2.25))
print(divmod(10.5, 3), divmod(-10.5, 3), 10.5 % -3)
print(int(2.9), int(-2.9), float(int(1e15)))
print(3.0 == 3, 3.5 > 3, 3.5 < 4, 2 ** 53 == 2.0 ** 53)
a = 1.0
a += 2
a *= 3.5
a -= 0.5
a /= 2
a **= 2
a //= 3
a %= 5
print(a)
print((1.0).real, (1.0).imag, (2.5).conjugate())
print(float.__add__(1.0, 2), (1.0).__radd__(2), (1.0).__add__("x"))
print(1.0.__truediv__(4), 4.0.__rtruediv__(1), 2.0.__pow__(3), 2.0.__rpow__(3))
print(round(math.pi * 10 ** 6) / 10 ** 6)
vals = [3.7, -1.2, 0.0, 2.5, -0.0, 1e-9]
print(sorted(vals), max(vals), min(vals))
print(sum(vals), sum(vals, 10.0))
