# Calls that leave trailing parameters to their defaults, and call sites
# that see several functions (methods overridden in subclasses), stay
# correct when defaults, code or the functions themselves change.
def scaled(x, factor=2, offset=1):
    return x * factor + offset


class Shape:
    def __init__(self, size, label="shape"):
        self.size, self.label = size, label

    def area(self):
        return self.size


class Square(Shape):
    def area(self):
        return self.size * self.size


class Tri(Shape):
    def area(self, half=True):
        return self.size * self.size // 2 if half else self.size * self.size


total = 0
for i in range(60):
    total += scaled(i) + scaled(i, 3) + scaled(i, 3, 0)
    if i == 30:
        scaled.__defaults__ = (10, 100)
print(total)
shapes = [Shape(3), Square(3, "sq"), Tri(4), Shape(5, label="big")]
print(sum(s.area() for _ in range(30) for s in shapes), [s.label for s in shapes])
try:
    scaled.__defaults__ = None
    for _ in range(3):
        scaled(1)
except TypeError as e:
    print("TypeError", e)


def area_v2(self):
    return -self.size


for i in range(40):
    if i == 20:
        Square.area = area_v2
    r = [s.area() for s in shapes]
print(r)
