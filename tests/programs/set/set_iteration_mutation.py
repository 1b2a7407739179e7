# Changing a set during iteration raises; copies are fine.
s = set(range(5))
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
s = set(range(5))
for x in list(s):
    if x % 2:
        s.discard(x)
print(sorted(s))
t = {1, 2, 3}
total = 0
for x in t:
    total += x
print(total, sum(t), max(t), min(t), sorted(t, reverse=True))
print(sorted(map(str, t)), any(x > 2 for x in t), all(x > 0 for x in t))
