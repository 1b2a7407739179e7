# None: the singleton and its behaviour.
print(None, repr(None), str(None), type(None).__name__, bool(None))
x = None
print(x is None, x == None, x != None, x is not None)
def f():
    pass
def g():
    return
print(f(), g(), f() is g())
print([None] * 3, (None,), {None: None})
print(None.__class__.__name__, None.__bool__(), hash(None) == hash(None))
for op in [lambda: None + 1, lambda: None < 1, lambda: x(), lambda: x[0], lambda: None.x, lambda: len(None), lambda: iter(None), lambda: -None]:
    try:
        op()
    except Exception as e:
        print(type(e).__name__, e)
try:
    None.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(type(None)() is None)
print(sorted([3, 1], key=lambda v: v) if None is None else 0)
print(f"{None}", f"{None!r}", "%s" % None, format(None))
try:
    format(None, "d")
except TypeError as e:
    print(type(e).__name__, e)
vals = [3, None, 1, None]
print([v for v in vals if v is not None], vals.count(None), vals.index(None))
print(max([1, 2], default=None), min([], default=None))
print(None == 0, None == False, None == "", None == [])
