# Attribute sites quickened on one shape must notice other shapes, class
# changes, descriptors added later and instance attributes shadowing methods.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def total(self):
        return self.x + self.y

def read(o):
    return o.x

def call_total(o):
    return o.total()

def write(o, v):
    o.x = v

ps = [P(i, i) for i in range(50)]
for p in ps:
    read(p)
    call_total(p)
    write(p, 1)
print(read(ps[0]), call_total(ps[3]))

class Q:
    def __init__(self):
        self.y = 0
        self.x = "q"
    def total(self):
        return "Q.total"

q = Q()
print(read(q), call_total(q))
write(q, "q2")
print(q.x, q.__dict__)

# The class gains a property: reads and writes must go through it.
def getx(self):
    return "property"
P.x = property(getx, lambda self, v: print("setter", v))
print(read(ps[0]))
write(ps[0], 42)
del P.x
print(read(ps[0]))

# An instance attribute shadows the method.
p = P(1, 2)
p.total = lambda: "instance attribute"
print(call_total(p), call_total(ps[1]))

# The method is replaced on the class.
P.total = lambda self: "replaced"
print(call_total(ps[1]))

# __getattribute__ and __getattr__ added later.
class R:
    def __init__(self):
        self.x = 1
rs = [R() for _ in range(20)]
for r in rs:
    read(r)
R.__getattribute__ = lambda self, name: "hooked " + name
print(read(rs[0]))
del R.__getattribute__
print(read(rs[0]))

# Attributes deleted, and instances switched to a dict.
r = R()
del r.x
try:
    read(r)
except AttributeError as e:
    print("AttributeError:", e)
r.x = 5
r.__dict__["x"] = 6
print(read(r))

# Class attributes and modules.
class C:
    k = 10
def readk(o):
    return o.k
cs = [C() for _ in range(20)]
print(sum(readk(c) for c in cs))
cs[0].k = 11
print(readk(cs[0]), readk(cs[1]))
C.k = 12
print(readk(cs[1]))

import math
def pi():
    return math.pi
for _ in range(20):
    pi()
print(pi())
math.pi = 3
print(pi())
del math.pi
try:
    pi()
except AttributeError as e:
    print("AttributeError:", e)

# __slots__ and __class__ assignment.
class S:
    __slots__ = ("x",)
    def __init__(self):
        self.x = "slot"
ss = [S() for _ in range(20)]
print([read(s) for s in ss][:2])
class P2(P):
    pass
p = P(1, 2)
for _ in range(20):
    read(p)
p.__class__ = P2
P2.x = property(lambda self: "P2 property")
print(read(p))

# Stores that add attributes in different orders.
class A:
    pass
def init(o, first, second):
    setattr(o, first, 1)
    o.z = 3
    return sorted(vars(o).items())
for i in range(20):
    init(A(), "a", "b")
print(init(A(), "a", "b"), init(A(), "b", "a"))
o = A()
o.z = 0
print(init(o, "q", "r"))
