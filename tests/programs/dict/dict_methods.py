# Every dict method.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 99), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
d.update(b=200)
print(d)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
c = d.copy()
c["new"] = 1
print(d, c)
c.clear()
print(c, len(c))
ks, vs, its = d.keys(), d.values(), d.items()
d["late"] = 5
print(list(ks), list(vs), list(its), len(ks), "late" in ks, 5 in vs, ("late", 5) in its)
print(d | {"m": 1}, {"b": 0} | d)
d |= {"b": -1, "q": 9}
print(d)
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1]), max(d, key=d.get))
print(dict.fromkeys(range(3), "v"), {}.get(1, [])) 
try:
    d.update(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.update([("a",)])
except ValueError as e:
    print(type(e).__name__, e)
print(list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
