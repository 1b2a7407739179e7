# Attribute stores on fresh instances (the first store moves an instance
# from "no attributes" to its class's first map) stay correct when
# quickened: slots, mixed slots and dict, __setattr__ added later.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class S:
    __slots__ = ("a", "__dict__")
    def __init__(self, a, b):
        self.a = a
        self.b = b

class Q(P):
    pass

ps = [P(i, -i) for i in range(50)]
ss = [S(i, str(i)) for i in range(50)]
qs = [Q(i, i * 2) for i in range(50)]
print(vars(ps[7]), vars(ss[7]), ss[7].a, vars(qs[7]))

P.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 10)
print(vars(P(1, 2)), vars(Q(3, 4)))
del P.__setattr__
print(vars(P(5, 6)))

def make(cls, *args):
    return cls(*args)
print([vars(make(P, i, i)) for i in range(3)], vars(make(Q, 9, 9)))
try:
    S.__init__(object.__new__(S), 1, 2)
    print("ok")
except AttributeError as e:
    print("AttributeError:", e)
class T:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
        self.w = v
try:
    T(1)
except AttributeError as e:
    print("AttributeError:", e)
