# Infinity and NaN arithmetic and comparisons.
import math
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, inf * -1, -inf * -inf, inf / inf, 1 / inf, -1 / inf)
print(nan + 1, nan * 0, nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf == inf, inf > 10 ** 400, -inf < -(10 ** 400), inf == 10 ** 400)
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf), math.isfinite(nan))
print(max(1, nan), max(nan, 1), min(nan, 1), sorted([3, 1, 2])) 
print(inf % 2 if False else "skip", 5 % inf, -5 % inf, 5 // inf, -5 // inf)
try:
    inf % 2
    print(inf % 2)
except ValueError as e:
    print(type(e).__name__, e)
print(math.copysign(1, -0.0), math.copysign(1, 0.0), -0.0 == 0.0, str(-0.0))
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0))
print(1e308 * 10, -1e308 * 10, 1e308 + 1e308)
print(2.0 ** 1023 * 2, 5e-324 / 2, 5e-324 * 0.5)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 5000
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.inf, -math.inf, math.nan, math.isnan(math.nan))
print(hash(inf), hash(-inf), hash(0.0))
print([x for x in [1.0, nan, 2.0] if x == x])
print(nan in [nan], [nan] == [nan], (nan,) == (nan,))
print(float("inf") > float("nan"), float("-inf") < 0)
print(repr(inf), repr(-inf), repr(nan), f"{inf:.2f}", f"{nan:10}", f"{-inf:+}", format(inf, "e"), format(nan, "%"))
