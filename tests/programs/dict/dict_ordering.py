# Insertion order survives deletes and re-inserts.
d = {}
for w in "the quick brown fox jumps over the lazy dog".split():
    d[w] = d.get(w, 0) + 1
print(d)
del d["quick"]
d["quick"] = 99
print(list(d))
d["the"] = 0
print(list(d.items())[:3])
for i in range(100):
    d[f"k{i}"] = i
for i in range(0, 100, 2):
    del d[f"k{i}"]
print(len(d), list(d)[:10], list(d)[-3:])
e = dict(sorted(d.items(), key=lambda kv: str(kv[1])))
print(list(e)[:8])
f = {3: "c", 1: "a", 2: "b"}
print(f, dict(sorted(f.items())), {k: f[k] for k in reversed(f)})
g = {}
g[2] = "x"
g[1] = "y"
g.pop(2)
g[2] = "z"
print(g)
