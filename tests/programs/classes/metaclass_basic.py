# Metaclasses: __new__, __init__, __call__, class attributes, type of classes.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print(f"Meta.__new__ {name} bases={[b.__name__ for b in bases]} keys={sorted(k for k in ns if not k.startswith('__'))} kw={kw}")
        ns["added_by_meta"] = name.upper()
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print(f"Meta.__init__ {name}")
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print(f"Meta.__call__ {cls.__name__}{args}")
        return super().__call__(*args, **kwargs)
class Base(metaclass=Meta):
    def method(self):
        return 1
class Derived(Base, flag=True):
    def __init__(self, v):
        print("Derived.__init__", v)
        self.v = v
d = Derived(7)
print(d.v, Derived.added_by_meta, Base.added_by_meta, type(Base).__name__, type(Derived) is Meta, isinstance(Derived, type))
print(type(type).__name__, type(int).__name__, type(Meta).__name__, Meta.__mro__)
class Singleton(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created once")
print(Config() is Config())
class MetaRepr(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via MetaRepr>"
    def __len__(cls):
        return 99
class R(metaclass=MetaRepr):
    pass
print(repr(R), len(R), R)
