# Shortest round-tripping repr of floats.
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
        3.141592653589793, 2.718281828459045, 100.0, 1e100, 1.5e-10, 9007199254740993.0, 0.3, 1.1 * 3]
for v in vals:
    print(repr(v), str(v), v.hex())
print(float("1e308") * 10, -float("1e308") * 10)
print(float("0.1"), float("  -2.5  "), float("1_000.5"), float("+1E3"), float(".5"), float("5."))
print(float("inf"), float("-Infinity"), float("nan"), float("-nan"), float("INF"))
print(float(10 ** 20), float(2 ** 63), float(-(2 ** 53) - 1))
print([1.0, 2.5, -0.0], (0.5,), {"k": 1e-7})
print(1e-7, 1e-6, 123e-9, 1.0e21, 1.0e20)
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), (1.5).hex())
print(float(True), float(-7), float("  3.25e2 "))
for bad in ["", "abc", "1.2.3", "1e", "0x10", "1_", "--1"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float([])
except TypeError as e:
    print(type(e).__name__, e)
