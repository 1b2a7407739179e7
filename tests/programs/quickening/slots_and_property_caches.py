class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    @property
    def norm(self):
        return self.x * self.x + self.y * self.y

class Q(P):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    @property
    def norm(self):
        return super().norm + self.z

def total(objs):
    t = 0
    for o in objs:
        t += o.norm + o.x
        o.y = o.y + 1
    return t

objs = [P(i, i + 1) for i in range(50)] + [Q(i, 2, 3) for i in range(50)]
for _ in range(30):
    r = total(objs)
print(r)
class R:
    __slots__ = ("a",)
r = R()
for i in range(40):
    try:
        print(r.a)
    except AttributeError as e:
        if i == 39: print(e)
    if i == 20: r.a = 5
    if i == 30: del r.a
class S:
    def __init__(self): self._v = 1
    @property
    def v(self):
        if self._v > 50: raise ValueError("big")
        return self._v
s = S()
try:
    for i in range(100):
        s._v = i; s.v
except ValueError as e: print("caught", e, i)
P.norm = property(lambda self: -1)
print(total(objs[:3]))
def gen_getter(self):
    yield 1
class G:
    g = property(gen_getter)
print([list(G().g) for _ in range(20)][-1])
