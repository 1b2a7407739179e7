# dict subclasses: __missing__, overriding __getitem__, __setitem__.
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(c, c["z"], "z" in c, c.get("z"), len(c))
class AutoVivify(dict):
    def __missing__(self, key):
        value = self[key] = AutoVivify()
        return value
tree = AutoVivify()
tree["a"]["b"]["c"] = 1
tree["a"]["x"] = 2
print(tree)
class Lower(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
l = Lower()
l["HeLLo"] = 1
print(l, l["HELLO"], l.get("hello"), l.get("HELLO"))
l2 = Lower({"ABC": 1})
print(l2)
class Logged(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.log = []
    def __delitem__(self, key):
        self.log.append(key)
        super().__delitem__(key)
g = Logged(a=1, b=2)
del g["a"]
g.pop("b")
print(g, g.log, type(g).__name__, isinstance(g, dict))
class M(dict):
    def __missing__(self, key):
        raise KeyError(f"no {key!r} here")
try:
    M()["q"]
except KeyError as e:
    print(type(e).__name__, e)
print(dict(Counter(a=1)), type(Counter(a=1).copy()).__name__)
