# type() with three arguments creates classes dynamically.
def init(self, x):
    self.x = x
Point = type("Point", (), {"__init__": init, "__repr__": lambda self: f"Point({self.x})", "dims": 1})
p = Point(3)
print(p, Point.__name__, Point.dims, type(p) is Point, Point.__bases__, Point.__module__)
Sub = type("Sub", (Point,), {"extra": lambda self: self.x * 2})
s = Sub(5)
print(s, s.extra(), isinstance(s, Point), [c.__name__ for c in Sub.__mro__])
Empty = type("Empty", (), {})
print(Empty.__name__, Empty.__qualname__, type(Empty()).__name__)
print(type(5), type("s"), type(None), type(type), type(Point))
for bad in [lambda: type("X", (5,), {}), lambda: type("X", (), []), lambda: type("X", ()), lambda: type(1, (), {})]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
Dyn = type("Dyn", (dict,), {"__missing__": lambda self, k: k * 2})
print(Dyn()["ab"], Dyn(a=1)["a"])
