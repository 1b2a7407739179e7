# Records built on tuples (a tuple subclass with named fields, no collections).
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p.x, q.y, p[0], len(p), tuple(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = q
print(x, y, sorted([q, p]), max(p, q))
try:
    p.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(isinstance(p, tuple), type(p + q).__name__, type(p[:1]).__name__, p * 2)
pts = [Point(i, i * i) for i in range(5)]
print(pts, sum(pt.y for pt in pts))
