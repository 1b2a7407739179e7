# math module: constants and exact functions.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan)
print(math.floor(-1.5), math.ceil(-1.5), math.trunc(1.9), math.floor(10 ** 20 + 0.0), type(math.ceil(1.2)).__name__)
print(math.gcd(48, 180), math.gcd(0, 7), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.lcm())
print(math.factorial(0), math.factorial(25), math.comb(52, 5), math.perm(5), math.perm(5, 2), math.comb(5, 7))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 30), math.sqrt(2.25), math.pow(2, -2), math.exp(0))
print(math.log(math.e), math.log(100, 10), math.log2(8), math.log10(0.001), math.log1p(0), math.expm1(0))
print(math.fabs(-2), math.fmod(-7, 3), math.remainder(7, 2), math.copysign(2, -1), math.hypot(3, 4, 12))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(float("nan")), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.001, rel_tol=0.01))
print(math.degrees(math.pi / 2), math.radians(90) == math.pi / 2, math.atan(0), math.acos(1), math.asin(0), math.sinh(0), math.cosh(0), math.tanh(0))
print(math.prod(range(1, 11)), math.prod([2.5, 4]), math.fsum([0.1] * 10), math.frexp(0.0), math.ldexp(1, -1))
print(math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0), math.dist([1, 1], [4, 5]))
for f, a in [(math.sqrt, -4), (math.log, -1), (math.factorial, 3.5), (math.isqrt, -1), (math.comb, -1), (math.gcd, 1.5)]:
    try:
        f(a) if f is not math.comb else f(a, 1)
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
