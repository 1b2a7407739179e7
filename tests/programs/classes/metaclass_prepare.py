# __prepare__ customizes the class namespace; metaclass conflicts.
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name, kw)
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.fields = [k for k in ns if not k.startswith("__")]
        return cls
class Rec(metaclass=OrderedMeta, tag=1):
    b = 2
    a = 1
    def c(self):
        pass
print(Rec.fields, Rec.injected)
class LoggingDict(dict):
    def __setitem__(self, k, v):
        print("  define", k)
        super().__setitem__(k, v)
class LogMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LoggingDict()
class Logged(metaclass=LogMeta):
    x = 1
    def f(self):
        return self.x
print(Logged().f())
class M1(type):
    pass
class M2(type):
    pass
class A(metaclass=M1):
    pass
class B(metaclass=M2):
    pass
try:
    class C(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class M3(M1):
    pass
class D(metaclass=M3):
    pass
class E(A, D):
    pass
print(type(E).__name__)
