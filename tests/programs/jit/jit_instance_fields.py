# Instance attributes read and written by compiled code: inline and
# overflowing slots, floats that change form (immediate, zero, huge,
# infinite, NaN), ints that become floats, several classes and maps at one
# site, a subclass of a builtin, and objects whose class, map or dict
# changes under a running loop.
import math


class Wide:
    def __init__(self, i):
        self.a, self.b, self.c, self.d, self.e = i, i + 1, i + 2, i + 3, i + 4
        self.f, self.g, self.h = 0.5 * i, 1.5, -2.0
        self.tail = i


def wide_loop(objs, n):
    total = 0.0
    for k in range(n):
        for o in objs:
            o.g = o.g * 0.5 + o.f
            o.tail += 1
            total += o.a + o.e + o.g + o.h
    return total, [(o.g, o.tail) for o in objs]


print(wide_loop([Wide(i) for i in range(4)], 300))


class Cell:
    def __init__(self, v):
        self.v = v


def scale_all(cells, factor, n):
    seen = []
    for step in range(n):
        for c in cells:
            c.v = c.v * factor
        seen.append(cells[0].v)
    return seen


# Floats that leave the immediate range (to zero, to huge, to inf) and back.
print(scale_all([Cell(1.0), Cell(-3.5)], 1e-30, 12)[-3:])
print(scale_all([Cell(1.0), Cell(2.0)], 1e40, 12)[-4:])
c = Cell(0.0)
print(scale_all([c, Cell(1.0)], 0.5, 5), c.v)
print([str(x) for x in scale_all([Cell(float("nan")), Cell(1.0)], 2.0, 3)])

# Ints in a float slot, then floats, then strings.
mixed = [Cell(1), Cell(2.5), Cell(3)]
acc = []
for rnd in range(60):
    for m in mixed:
        if rnd == 40:
            m.v = float(m.v)
        acc.append(m.v * 2)
    if rnd == 50:
        mixed[1].v = "s"
        acc.append(mixed[1].v * 2)
        mixed[1].v = 4.0
print(len(acc), acc[:6], acc[-6:])


class A:
    def __init__(self):
        self.x = 1
        self.y = 2

    def get(self):
        return self.x + self.y


class B(A):
    def __init__(self):
        self.y = 10
        self.x = 20


class Other:
    def get(self):
        return -1


def poly(objs, n):
    t = 0
    for _ in range(n):
        for o in objs:
            t += o.get()
    return t


print(poly([A(), B(), A()], 200))
print(poly([A(), B(), Other()], 200))


def shape_changes(n):
    objs = [A() for _ in range(3)]
    out = 0
    for i in range(n):
        for o in objs:
            out += o.x
        if i == 100:
            objs[0].z = 5  # a new map
        if i == 150:
            del objs[1].y  # leaves maps behind
        if i == 200:
            objs[2].__dict__["x"] = 7  # the dict is live
        if i == 250:
            objs[0].__class__ = B
        if i == 300:
            A.get = lambda self: 0
            objs[1].get = lambda: 99  # an instance attribute shadows
        if i >= 300:
            out += objs[0].get() + objs[1].get()
    return out


print(shape_changes(400))


class Prop:
    def __init__(self):
        self.w = 3


def class_gets_property(n):
    p = Prop()
    t = 0
    for i in range(n):
        t += p.w
        if i == 500:
            Prop.w = property(lambda self: 1000)
    return t


print(class_gets_property(800))


class Points(list):
    def __init__(self, items):
        super().__init__(items)
        self.scale = 2.0
        self.count = 0


def list_subclass(ps, n):
    t = 0.0
    for _ in range(n):
        ps.count += 1
        for x in ps:
            t += x * ps.scale
    return t, ps.count, len(ps)


print(list_subclass(Points([1.0, 2.0, 3.0]), 300))


class Slotted:
    __slots__ = ("p", "q")

    def __init__(self):
        self.p = 1.5
        self.q = 2


def slotted(n):
    s = Slotted()
    t = 0.0
    for i in range(n):
        s.p = s.p + s.q
        t += s.p
    return t


print(slotted(500))


def sqrt_attr(n):
    objs = [Cell(float(i)) for i in range(1, 5)]
    t = 0.0
    for _ in range(n):
        for o in objs:
            t += math.sqrt(o.v)
    return round(t, 6)


print(sqrt_attr(300))
