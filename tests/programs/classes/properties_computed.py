# Properties computing derived values and caching them manually.
class Rectangle:
    def __init__(self, w, h):
        self._w, self._h = w, h
        self._area = None
    @property
    def w(self):
        return self._w
    @w.setter
    def w(self, v):
        self._w = v
        self._area = None
    @property
    def area(self):
        if self._area is None:
            print("  computing area")
            self._area = self._w * self._h
        return self._area
r = Rectangle(2, 5)
print(r.area, r.area)
r.w = 10
print(r.area, r.area, r.w)
class Circle:
    pi = 3.14159
    def __init__(self, r):
        self.r = r
    diameter = property(lambda self: 2 * self.r, lambda self, d: setattr(self, "r", d / 2))
c = Circle(1)
c.diameter = 10
print(c.r, c.diameter)
