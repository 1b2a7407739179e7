# Working with nested dict/list data like parsed JSON.
data = {
    "users": [
        {"id": 1, "name": "Ann", "tags": ["admin", "dev"], "address": {"city": "Oslo", "zip": "0150"}},
        {"id": 2, "name": "Bob", "tags": [], "address": {"city": "Bergen", "zip": "5003"}},
        {"id": 3, "name": "Cy", "tags": ["dev"], "address": None},
    ],
    "meta": {"count": 3, "version": "1.2"},
}
for u in data["users"]:
    city = u["address"]["city"] if u["address"] else "?"
    print(u["id"], u["name"], ",".join(u["tags"]) or "-", city)
by_tag = {}
for u in data["users"]:
    for t in u["tags"]:
        by_tag.setdefault(t, []).append(u["name"])
print(by_tag)
def walk(obj, path=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, f"{path}.{k}" if path else k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, obj
for p, v in walk(data):
    print(p, "=", repr(v))
def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
print(merge({"a": {"x": 1, "y": 2}, "b": 1}, {"a": {"y": 3, "z": 4}, "c": 5}))
