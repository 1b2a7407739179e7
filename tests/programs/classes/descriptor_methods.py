# Functions are descriptors: __get__ creates bound methods.
class A:
    def f(self):
        return "f"
def g(self):
    return f"g bound to {type(self).__name__}"
a = A()
bound = g.__get__(a, A)
print(bound(), type(bound).__name__, A.__dict__["f"].__get__(a)(), A.__dict__["f"].__get__(None, A) is A.__dict__["f"])
class Counter:
    def __init__(self):
        self.count = 0
    def __get__(self, obj, objtype=None):
        self.count += 1
        return self.count
class Host:
    c = Counter()
h = Host()
print(h.c, h.c, Host.c)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
print(sm.__get__(None, A)("abc"), cm.__get__(None, A)(), cm.__get__(a)())
