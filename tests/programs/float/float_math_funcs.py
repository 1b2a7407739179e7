# math module functions on floats (exact-valued cases only).
import math
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.hypot(3, 4), math.hypot(5, 12))
print(math.floor(3.7), math.ceil(3.2), math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3))
print(math.pow(2, 10), math.exp(0), math.log(1), math.log(8, 2), math.log2(1024), math.log10(1000))
print(math.sin(0), math.cos(0), math.tan(0), math.atan2(0, 1), math.degrees(math.pi), math.radians(180))
print(math.pi, math.e, math.tau, math.inf)
print(math.factorial(20), math.factorial(30), math.gcd(12, 18), math.gcd(0, 0), math.lcm(4, 6))
print(math.comb(10, 3), math.perm(10, 3), math.comb(100, 50))
print(math.copysign(3, -0.0), math.frexp(8.0), math.ldexp(0.5, 4), math.modf(3.25), math.modf(-3.25))
print(math.trunc(-3.9), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.fsum([1e100, 1.0, -1e100]))
print(math.dist((0, 0), (3, 4)), math.remainder(10, 3), math.remainder(11, 3))
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.factorial, -1), (math.factorial, 2.5), (math.acos, 2)]:
    try:
        print(f(arg))
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12))
print(math.floor(-0.0), math.ceil(-0.5), type(math.floor(2.5)).__name__)
print(math.isqrt(10 ** 40), math.isqrt(0))
