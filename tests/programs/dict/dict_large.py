# Many insertions and deletions.
d = {}
for i in range(50000):
    d[i * 7 % 50021] = i
print(len(d), d[7], d[49], sum(d.values()) % 1000003)
for i in range(0, 50000, 3):
    d.pop(i * 7 % 50021, None)
print(len(d), min(d), max(d))
s = {str(i): i for i in range(10000)}
print(len(s), s["9999"], sum(int(k) for k in s if k.endswith("7")))
keys = list(s)[:5] + list(s)[-5:]
print(keys)
