# Data and non-data descriptors and lookup precedence.
class DataDesc:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"DataDesc on class {objtype.__name__}"
        print(f"  get {self.name}")
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        print(f"  set {self.name} = {value!r}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print(f"  delete {self.name}")
        delattr(obj, self.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from NonData"
class Thing:
    x = DataDesc()
    y = NonData()
t = Thing()
print(t.x)
t.x = 10
print(t.x, Thing.x)
t.__dict__["x"] = "instance dict"
print(t.x)
print(t.y)
t.y = "instance wins over non-data"
print(t.y, Thing.y)
del t.x
print(t.x)
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return self if obj is None else obj.__dict__.get(self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name, self.age = name, age
p = Person("ann", 30)
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print(type(e).__name__, e)
class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only")
class H:
    answer = ReadOnly()
h = H()
try:
    h.answer = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(h.answer)
