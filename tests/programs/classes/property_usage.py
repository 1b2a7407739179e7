# property: getter, setter, deleter, docs, inheritance, errors.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "Temperature in C."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
class P:
    def _get(self):
        return "got"
    x = property(_get, doc="manual")
print(P().x, P.x.__doc__, P.x.fget.__name__, P.x.fset)
class Child(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return f"child sees {self._c}"
c = Child()
c.celsius = 5
print(c.celsius)
class Lazy:
    calls = 0
    @property
    def value(self):
        Lazy.calls += 1
        return Lazy.calls
l = Lazy()
print(l.value, l.value, Lazy.calls)
class Broken:
    @property
    def bad(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return f"__getattr__({name})"
print(Broken().bad)
