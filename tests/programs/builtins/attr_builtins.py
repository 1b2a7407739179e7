# getattr, setattr, hasattr, delattr.
class C:
    cls_attr = "class"
    def __init__(self):
        self.x = 1
c = C()
print(getattr(c, "x"), getattr(c, "cls_attr"), getattr(c, "missing", "default"), getattr(C, "cls_attr"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
setattr(c, "y", 2)
setattr(c, "with space", 3)
print(c.y, getattr(c, "with space"), hasattr(c, "y"), hasattr(c, "nope"), hasattr(c, "cls_attr"))
delattr(c, "y")
print(hasattr(c, "y"))
try:
    delattr(c, "y")
except AttributeError as e:
    print(type(e).__name__, e)
for bad in [lambda: getattr(c, 5), lambda: setattr(c, 5, 1), lambda: hasattr(c, None), lambda: delattr(c)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(C, "cls_attr")
    print(hasattr(c, "cls_attr"))
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr("abc", "upper")(), getattr([], "append").__name__)
class Raises:
    @property
    def p(self):
        raise ValueError("not AttributeError")
try:
    hasattr(Raises(), "p")
except ValueError as e:
    print("hasattr propagates", type(e).__name__, e)
