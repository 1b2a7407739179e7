# dict construction and access; insertion order.
print({}, dict(), {"a": 1, "b": 2}, dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=3), dict(zip("abc", range(3))))
d = {"one": 1, "two": 2, "three": 3}
print(d["two"], len(d), "one" in d, "four" not in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d["four"] = 4
d["one"] = 100
print(d)
del d["two"]
print(d)
d["two"] = 2
print(d)
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e, repr(e), e.args)
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
print({1: "a", True: "b", 1.0: "c"}, {(1, 2): "t", None: "n", frozenset(): "f"})
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
print({k: v for k, v in [("a", 1), ("a", 2)]}, {"a": 1, "a": 2})
nested = {"outer": {"inner": [1, {"deep": True}]}}
print(nested["outer"]["inner"][1]["deep"], nested)
print(repr({"q": "it's"}), str({1: None}), bool({}), bool({0: 0}))
print(d.__len__(), d.__contains__("one"), d.__getitem__("one"))
