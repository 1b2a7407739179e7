# Simple statistics computed with floats, printed with fixed precision.
data = [2.5, 3.1, 4.7, 1.2, 9.9, 5.5, 6.3, 7.8, 0.4, 8.6]
n = len(data)
mean = sum(data) / n
var = sum((x - mean) ** 2 for x in data) / (n - 1)
print(f"n={n} mean={mean:.4f} var={var:.4f} sd={var ** 0.5:.4f}")
s = sorted(data)
median = (s[n // 2 - 1] + s[n // 2]) / 2
print("median", median, "min", s[0], "max", s[-1], "range", round(s[-1] - s[0], 10))
for p in (10, 25, 50, 75, 90):
    k = (n - 1) * p / 100
    f = int(k)
    c = min(f + 1, n - 1)
    print(p, round(s[f] + (s[c] - s[f]) * (k - f), 6))
hist = {}
for x in data:
    hist[int(x // 2) * 2] = hist.get(int(x // 2) * 2, 0) + 1
for k in sorted(hist):
    print(f"{k:>3}-{k + 2:<3} {'#' * hist[k]}")
cum = 0.0
for x in data:
    cum += x
    print(f"{x:6.2f} {cum:8.3f} {cum / sum(data):7.2%}")
