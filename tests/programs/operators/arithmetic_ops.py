# Every binary arithmetic operator on int, float, mixed.
vals = [7, -7, 2.5, -0.5, 3]
for a in vals:
    for b in vals:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, round(a ** b, 6) if a > 0 else a ** int(b) if isinstance(b, int) else "skip")
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2, -3 % 5, -(3 % 5))
print(+7, -(-7), +-7, ~7, ~-8, not 7, not 0)
