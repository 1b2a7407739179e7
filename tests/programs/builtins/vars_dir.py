# vars() and dir().
class C:
    a = 1
    def __init__(self):
        self.x = 10
        self.y = 20
    def m(self):
        pass
c = C()
print(vars(c), sorted(k for k in vars(C) if not k.startswith("__")))
vars(c)["z"] = 30
print(c.z)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
print([n for n in dir(c) if not n.startswith("__")])
print(dir(c) == sorted(dir(c)), "__init__" in dir(c), "a" in dir(C))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:10])
def f():
    local_a = 1
    local_b = 2
    return sorted(dir()), sorted(vars())
print(f())
class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "alpha"]
print(dir(Custom()))
import math
print("sqrt" in dir(math), [n for n in dir(math) if n.startswith("is")])
