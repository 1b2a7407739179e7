# get/setdefault/pop defaults and their evaluation.
calls = []
def dflt(v):
    calls.append(v)
    return v
d = {"a": 1}
print(d.get("a", dflt("g1")), d.setdefault("a", dflt("s1")), d.pop("a", dflt("p1")), calls)
print(d.get("a"), d.setdefault("a"), d, d.pop("a"), d)
lst = d.setdefault("list", [])
lst.append(1)
d.setdefault("list", []).append(2)
print(d)
print({}.get("x", {}).get("y", "deep default"))
cfg = {"db": {"host": "localhost"}}
print(cfg.get("db", {}).get("host"), cfg.get("db", {}).get("port", 5432), cfg.get("cache", {}).get("ttl"))
