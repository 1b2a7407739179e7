# Bitwise operators, including on bools and sets.
for a, b in [(12, 10), (-12, 10), (12, -10), (0, -1), (2 ** 65, 2 ** 64 + 1)]:
    print(a, b, a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(True & False, True | False, True ^ True, ~True, type(True | False).__name__)
print({1, 2} & {2, 3}, {1} | {2}, sorted({1, 2} ^ {2, 3}), {1, 2} - {1})
d1, d2 = {"a": 1}, {"b": 2}
print(d1 | d2)
mask = 0
for bit in (0, 3, 5):
    mask |= 1 << bit
print(bin(mask), [b for b in range(8) if mask >> b & 1], mask & -mask, mask & (mask - 1))
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(17)])
print(0xFF ^ 0x0F, 0xF0 | 0x0F == 0xFF, ~0 & 0xFF, -1 & 0xFFFF)
