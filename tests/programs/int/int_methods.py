# int methods and attributes.
for n in [0, 1, -1, 255, -256, 2 ** 64, -(2 ** 100)]:
    print(n, n.bit_length(), n.bit_count(), n.real, n.imag, n.numerator, n.denominator, n.conjugate())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((-1).to_bytes(2, "big", signed=True))
print((255).to_bytes(1, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"", "big"))
print(int.from_bytes([1, 2, 3], "big"))
print((2 ** 100).to_bytes(13, "big"))
print(int.from_bytes((2 ** 100).to_bytes(13, "little"), "little") == 2 ** 100)
print((10).as_integer_ratio(), (-3).as_integer_ratio())
print(int.__name__, type(5).__name__)
print((5).__add__(3), (5).__radd__(3), (5).__sub__(3), (5).__rsub__(3))
print((5).__add__(3.0))
print((7).__floordiv__(2), (7).__mod__(-2), (7).__pow__(2, 5))
print((5).__eq__(5), (5).__eq__("5"), (5).__lt__(6))
print((12).__index__(), (12).__int__(), (12).__float__(), (-12).__abs__(), (12).__neg__())
print((12).__bool__(), (0).__bool__())
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2))
print(round(10 ** 20 + 5, -1))
print(int.from_bytes(b"\x80", "big", signed=True))
print((0).to_bytes(0, "big"))
print(sorted([3, -1, 2 ** 70, -(2 ** 70), 0]))
print(max(2 ** 64, 2 ** 64 - 1), min(-5, -(2 ** 80)))
