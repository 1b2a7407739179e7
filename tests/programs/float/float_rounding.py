# round() on floats: banker's rounding and ndigits.
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1e16 + 1, 123.456, -123.456]:
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2), round(v, -1), round(v, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print(round(1234.5678, -2), round(-0.4), round(0.4, 5), round(1e300, -300))
for v in [float("inf"), float("nan")]:
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    print(round(v, 2))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), int(-2.5))
print(math.floor(2.999999), math.ceil(2.000001), math.trunc(1e20))
print((2.5).__round__(), (2.5).__round__(1), (-0.0).__round__())
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
print(round(5e-324, 400), round(1.23456789e-5, 7))
print((7.0).is_integer(), (7.5).is_integer(), (0.1).as_integer_ratio(), (-2.5).as_integer_ratio())
try:
    (float("inf")).as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
