# Floats on both sides of the immediate encoding's exponent range
# (2**-255 .. 2**256), zeros, subnormals and specials must behave the same.
import math
import struct

edges = [2.0 ** -255, 2.0 ** -256, 2.0 ** 256, 2.0 ** 257, math.nextafter(2.0 ** 257, 0.0),
         math.nextafter(2.0 ** -255, 0.0), 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]
for e in edges:
    for v in (e, -e):
        print(repr(v), v.hex(), hash(v) == hash(float(repr(v))), struct.pack('<d', v).hex())
        print(repr(v * 2.0), repr(v / 2.0), repr(v + v), repr(v - v), v == float(repr(v)), v < 1.0, bool(v))

zeros = [0.0, -0.0, 1.5 - 1.5, -1.5 * 0.0, 0.0 * -1.0]
print([repr(z) for z in zeros], [math.copysign(1.0, z) for z in zeros])
print({0.0: 'a', -0.0: 'b'}, 0.0 == -0.0, hash(-0.0), 2.0 ** -1074)
print(repr(float('inf') - float('inf')), float('inf') * 2.0, -float('inf'), math.isnan(float('nan') + 1.0))

# Mixed with ints, big ints and subclasses.
class Meters(float):
    def __repr__(self):
        return f"Meters({float(self)!r})"

m = Meters(2.5)
print(m, m + 1.0, type(m + 1.0).__name__, type(m).__name__, isinstance(m, float), float(m) == 2.5)
print(3 + 0.5, 0.5 - 3, 2 ** 70 * 1.0, 1.0 * 10 ** 80, 10 ** 300 * 1.0, (2 ** 62) * 1.0, (-2 ** 62) + 0.5)
print(sorted([3.5, -0.0, 1e300, 2, 0.0, 1e-300, -1e300, 7]), max(2.0 ** 300, 3), min(-0.0, 0.0))
print(sum(i * 0.1 for i in range(1000)), math.fsum([0.1] * 10), divmod(-7.5, 2), -7.5 % 2, 7.0 // -2)

# Identity of a value kept in a variable, and floats as dict and set keys.
x = 1.25
y = x
print(x is y, {x, 1.25, 2.5, 2.5 * 1.0}, {1.25: 1}[5 / 4], [0.1 * 3].count(0.30000000000000004))
acc = 0.0
for i in range(1, 2000):
    acc += 1.0 / (i * i)
    acc -= 1e-9 * i
    acc *= 1.0000001
print(acc, type(acc).__name__, acc.is_integer(), round(acc, 6), int(acc * 1e6), f"{acc:.12e}")
