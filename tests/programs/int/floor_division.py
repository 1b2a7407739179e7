# Negative floor division and modulo across many combinations.
for a in range(-7, 8):
    row = []
    for b in [-3, -2, -1, 1, 2, 3]:
        q, r = a // b, a % b
        assert q * b + r == a
        row.append(f"{q:+d}/{r:+d}")
    print(a, " ".join(row))
big = 10 ** 25 + 3
for b in [7, -7, 10 ** 12, -(10 ** 12)]:
    print(big // b, big % b, -big // b, -big % b)
print(-1 // 2, -1 % 2, 1 // -2, 1 % -2)
print(-(2 ** 63) // -1, -(2 ** 63) % -1)
print((-(2 ** 63)) // 1)
print(int(-7 / 2), -7 // 2, round(-7 / 2))
print(-3.0 // 2, -3.0 % 2, 3.0 // -2, 3.0 % -2)
print(-0.0 // 1, 0.0 % -1)
print(7 // 2.5, 7 % 2.5, -7 // 2.5, -7 % 2.5)
x = -17
x //= 5
print(x)
x %= 3
print(x)
