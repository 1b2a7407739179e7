# Bitwise operators on small, negative and big ints.
vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 70, -(2 ** 70) + 3, 12345678901234567890]
for a in vals:
    print(a, ~a, a << 3, a >> 2, a >> 100)
for a in vals[:6]:
    for b in vals[3:8]:
        print(a, b, a & b, a | b, a ^ b)
print(1 << 200)
print((1 << 200) >> 199)
print(-1 >> 1000)
print(-(2 ** 100) >> 50)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -5
except ValueError as e:
    print(type(e).__name__, e)
print((0b1011).bit_count(), (-7).bit_count(), (2 ** 100 - 1).bit_count())
print((0).bit_length(), (1).bit_length(), (-8).bit_length(), (2 ** 64).bit_length())
x = 0
for i in range(0, 80, 7):
    x |= 1 << i
print(bin(x))
print(x & ~(1 << 14))
print(x ^ x, x & 0, x | 0)
print(True & 3, True | 2, False ^ True)
print(type(True & True).__name__, type(True & 3).__name__)
try:
    1.0 & 1
except TypeError as e:
    print(type(e).__name__, e)
