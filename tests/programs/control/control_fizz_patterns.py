# Larger control-flow program: number patterns.
for n in range(1, 6):
    print(" " * (5 - n) + " ".join(str(i) for i in range(1, n + 1)))
row = [1]
for _ in range(10):
    print(row)
    row = [a + b for a, b in zip([0] + row, row + [0])]
def digits_sum(n):
    s = 0
    while n:
        s, n = s + n % 10, n // 10
    return s
harshad = [n for n in range(1, 100) if n % digits_sum(n) == 0]
print(harshad)
perfect = []
n = 2
while len(perfect) < 3:
    if sum(d for d in range(1, n) if n % d == 0) == n:
        perfect.append(n)
    n += 1
print(perfect)
