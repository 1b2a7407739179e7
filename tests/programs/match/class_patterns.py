# Class patterns: positional via __match_args__, keyword, builtins.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"y-axis {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x, y):
            return f"point {x},{y}"
        case Circle(Point(0, 0), r):
            return f"centered circle r={r}"
        case Circle(center=Point(x=cx), r=r) if r > 10:
            return f"big circle at x={cx}"
        case Circle():
            return "some circle"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case [Point(), *_] as pts:
            return f"{len(pts)} points"
        case _:
            return "unknown"
for o in [Point(0, 0), Point(0, 3), Point(2, 2), Point(1, 5), Circle(Point(0, 0), 4), Circle(Point(7, 1), 20), Circle(Point(1, 1), 1), 5, 2.5, "s", [Point(1, 1), Point(2, 2)], None]:
    print(where(o))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
match True:
    case bool(b):
        print("bool matched", b)
match 3:
    case bool():
        print("wrong")
    case int():
        print("int, not bool")
