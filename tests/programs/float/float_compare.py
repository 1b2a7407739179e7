# Comparing floats with ints exactly, including beyond 2**53.
big = 2 ** 53
cases = [(big + 1, float(big)), (float(big), big + 1), (10 ** 20, 1e20), (10 ** 20 + 1, 1e20),
         (0.5, 0), (-0.0, 0), (1e308, 10 ** 308), (2 ** 1024, 1e308), (-(2 ** 1024), -1e308)]
for a, b in cases:
    print(repr(a)[:30], repr(b)[:30], a == b, a < b, a > b, a <= b, a >= b, a != b)
print(sorted([2 ** 53 + 1, float(2 ** 53), 2 ** 53 - 1]))
print(1.0 in [1], 1 in [1.0], 0.1 in {0.1: 1})
print({1.0: "a", 1: "b"}, {0.0, -0.0, 0, False})
print(float("nan") in {float("nan")})
n = float("nan")
print(n in {n}, n in [n])
