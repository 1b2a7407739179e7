# __getitem__/__setitem__/__delitem__/__contains__/__len__/__missing__ in a custom mapping.
class Registry:
    def __init__(self):
        self._data = {}
    def __getitem__(self, key):
        print(f"  getitem {key!r}")
        if isinstance(key, slice):
            return [self._data[k] for k in sorted(self._data)[key]]
        return self._data[key]
    def __setitem__(self, key, value):
        print(f"  setitem {key!r}={value!r}")
        self._data[key] = value
    def __delitem__(self, key):
        print(f"  delitem {key!r}")
        del self._data[key]
    def __contains__(self, key):
        return key in self._data
    def __len__(self):
        return len(self._data)
    def __iter__(self):
        return iter(sorted(self._data))
r = Registry()
r["b"] = 2
r["a"] = 1
r["c"] = 3
print(r["a"], len(r), "b" in r, "z" in r, list(r), r[0:2])
del r["b"]
print(list(r), len(r))
try:
    r["zz"]
except KeyError as e:
    print(type(e).__name__, e)
r["a"] += 100
print(r["a"])
class Matrix:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, pos):
        r, c = pos
        return self.cells.get(pos, 0)
    def __setitem__(self, pos, v):
        self.cells[pos] = v
m = Matrix()
m[1, 2] = 5
m[0, 0] += 1
print(m[1, 2], m[0, 0], m[3, 3], sorted(m.cells))
class ReadOnly:
    def __getitem__(self, i):
        return i
ro = ReadOnly()
for f in (lambda: ro.__setitem__(0, 1), lambda: ro.__delitem__(0)):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del ro[0]
except TypeError as e:
    print(type(e).__name__, e)
