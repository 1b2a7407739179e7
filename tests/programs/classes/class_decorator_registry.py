# Class decorators adding methods and registering classes.
REGISTRY = []
def register(cls):
    REGISTRY.append(cls.__name__)
    return cls
def add_compare(cls):
    def key(self):
        return tuple(getattr(self, f) for f in cls.KEY)
    cls.__lt__ = lambda a, b: key(a) < key(b)
    cls.__eq__ = lambda a, b: key(a) == key(b)
    cls.__hash__ = lambda a: hash(key(a))
    return cls
@register
@add_compare
class Emp:
    KEY = ("dept", "name")
    def __init__(self, name, dept):
        self.name, self.dept = name, dept
    def __repr__(self):
        return f"{self.dept}/{self.name}"
@register
class Other:
    pass
staff = [Emp("zed", "ops"), Emp("amy", "dev"), Emp("bob", "ops"), Emp("amy", "dev")]
print(sorted(staff), len(set(staff)), staff[1] == staff[3], REGISTRY)
