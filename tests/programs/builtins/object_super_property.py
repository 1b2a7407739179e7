# object(), super(), property(), staticmethod(), classmethod() as builtins.
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def who(self):
        return "Base"
class Kid(Base):
    def who(self):
        return "Kid>" + super().who()
    def explicit(self):
        return super(Kid, self).who()
print(Kid().who(), Kid().explicit(), type(super(Kid, Kid())).__name__)
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)
p = property(lambda self: 42, doc="the answer")
class P:
    answer = p
print(P().answer, P.answer.__doc__, p.fget(None), p.fset, p.fdel)
p2 = p.setter(lambda self, v: print("set", v))
class P2:
    answer = p2
P2().answer = 7
sm = staticmethod(abs)
cm = classmethod(lambda cls, x: (cls.__name__, x))
class S:
    f = sm
    g = cm
print(S.f(-3), S().f(-4), S.g(1), S().g(2), isinstance(sm, staticmethod), isinstance(cm, classmethod))
