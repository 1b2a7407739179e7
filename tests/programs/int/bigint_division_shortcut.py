# Floor division and modulo of long ints with small quotients (the fast
# path of spigot-style code) must agree with exact long division.
seed = 12345
def rnd(bits):
    global seed
    out = 0
    for _ in range(bits // 30 + 1):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        out = (out << 30) | (seed & 0x3fffffff)
    return out >> (out.bit_length() - bits) if out.bit_length() > bits else out

checks = 0
total = 0
for bits in (64, 65, 100, 300, 1000):
    for qbits in (0, 1, 3, 10, 49, 50, 51, 52, 60):
        b = rnd(bits) | (1 << (bits - 1))
        q = rnd(qbits) if qbits else 0
        for r in (0, 1, b - 1, b // 2):
            a = b * q + r
            for x, y in ((a, b), (-a, b), (a, -b), (-a, -b)):
                d, m = x // y, x % y
                assert d * y + m == x and (m == 0 or (m < 0) == (y < 0)) and abs(m) < abs(y)
                assert divmod(x, y) == (d, m)
                total = (total + d % 1000003 + m % 1000003) % 1000003
                checks += 1
print(checks, total)
print((10**500 + 7) // (10**480 + 3), (10**500 + 7) % (10**480 + 3) % 10**9)
print((2**200 * 9 + 5) // 2**200, (2**200 * 9 + 5) % 2**200)
