# __repr__, __str__, __format__ and how builtins pick among them.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents / 100:.0f}$"
        return format(str(self), spec)
m = Money(12345)
print(m, repr(m), str(m), [m], (m,), {"m": m}, f"{m}", f"{m!r}", f"{m:short}", f"{m:>12}|", "%s %r" % (m, m), format(m, "<10") + "|")
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(str(OnlyRepr()), f"{OnlyRepr()}", format(OnlyRepr()))
class OnlyStr:
    def __str__(self):
        return "only str"
o = OnlyStr()
print(str(o), f"{o}", repr(o).startswith("<__main__.OnlyStr object at "))
try:
    format(o, "10")
except TypeError as e:
    print(type(e).__name__, e)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return None
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
print(repr(object()).startswith("<object object at "), str(Money).startswith("<class '__main__.Money'>"), repr(Money))
