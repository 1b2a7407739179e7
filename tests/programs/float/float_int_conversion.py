# int(float), float(int) precision edge cases.
for v in [0.9999999999999999, 1e15 + 0.5, 2.0 ** 63, -(2.0 ** 63), 1.7976931348623157e308, 4.5, -4.5]:
    print(repr(v), int(v))
for n in [2 ** 53 - 1, 2 ** 53 + 1, 2 ** 54 + 3, 2 ** 64 + 1, 10 ** 23, 2 ** 1023 * 3]:
    try:
        print(n, repr(float(n)))
    except OverflowError as e:
        print(type(e).__name__, e)
print(float(2 ** 1024 - 2 ** 971))
try:
    float(2 ** 1024 - 2 ** 970)
except OverflowError as e:
    print(type(e).__name__, e)
print((2 ** 60) / 3, (2 ** 80 + 1) / (2 ** 80), 10 ** 30 / 10 ** 10)
print(7 // 2.0, 7 % 2.0, int(7 / 2), (10 ** 20) / 2)
print(3 / 2 == 1.5, 1 / 10 == 0.1, 2 ** -1 == 0.5)
