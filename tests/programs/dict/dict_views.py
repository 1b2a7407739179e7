# Key, value and item views: set operations, dynamic updates, equality.
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 30, "w": 40}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(sorted(a.items() & {("x", 1), ("y", 5)}), a.keys() == {"x", "y", "z"}, a.keys() <= {"x", "y", "z", "q"})
print(a.keys().isdisjoint(["q"]), a.items() == {("x", 1), ("y", 2), ("z", 3)})
v = a.values()
print(v == a.values(), list(v), type(v).__name__, type(a.keys()).__name__, type(a.items()).__name__)
k = a.keys()
a["n"] = 0
print(len(k), list(k), repr(k), repr(a.items()))
try:
    for key in a:
        a["new" + key] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
d = {i: i * i for i in range(5)}
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
e = {1: "a", 2: "b"}
for key in list(e):
    del e[key]
print(e)
print({"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {} == dict())
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print(type(e).__name__, e)
it = iter({"p": 1, "q": 2}.items())
print(next(it), next(it), next(it, None))
