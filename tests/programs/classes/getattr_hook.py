# __getattr__ is called only for missing attributes.
class Proxy:
    def __init__(self, target):
        self._target = target
        self.hits = 0
    def __getattr__(self, name):
        print(f"  __getattr__({name!r})")
        self.hits += 1
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.hits, p.count(1))
try:
    p.nonexistent
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(p, "missing_with_default", "dflt") if False else hasattr(p, "sort"))
class Dyn:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no attribute {name!r}")
d = Dyn()
print(d.get_thing(), d.get_x(), hasattr(d, "other"), getattr(d, "other", "fallback"))
try:
    d.other
except AttributeError as e:
    print(type(e).__name__, e)
class Default:
    x = 1
    def __getattr__(self, name):
        return f"default-{name}"
dd = Default()
dd.y = 2
print(dd.x, dd.y, dd.z, getattr(dd, "w"))
