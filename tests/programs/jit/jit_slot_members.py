# __slots__ members read by compiled loops: set, deleted under the loop,
# shadowed by a class change, and past the places kept in the object.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def dot(ps):
    t = 0
    for p in ps:
        t += p.x * p.y
    return t


ps = [P(i, i + 1) for i in range(3000)]
print(dot(ps))


def read_until_deleted(ps):
    t = 0
    try:
        for i, p in enumerate(ps):
            t += p.x
            if i == 2000:
                del ps[2001].x
    except AttributeError as e:
        print("AttributeError:", e)
    return t


print(read_until_deleted([P(i, 0) for i in range(3000)]))


class Wide:
    __slots__ = ("a", "b", "c", "d", "e", "f", "g")

    def __init__(self, v):
        self.a = self.b = self.c = self.d = self.e = v
        self.f = self.g = v * 2.5


def wide(ws):
    t = 0.0
    for w in ws:
        t += w.a + w.e + w.g
    return t


print(wide([Wide(i) for i in range(2500)]))


class Q(P):
    __slots__ = ("z",)

    def __init__(self, i):
        super().__init__(i, -i)
        self.z = 0.5


def mixed(objs):
    t = 0.0
    for o in objs:
        t += o.x + o.y
        if isinstance(o, Q):
            t += o.z
    return t


print(mixed([P(1, 2), Q(3), P(4, 5)] * 1000))


def class_changes(n):
    p = P(2, 3)
    t = 0
    for i in range(n):
        t += p.y
        if i == 1500:
            P.y = property(lambda self: 100)
    return t


print(class_changes(3000))
