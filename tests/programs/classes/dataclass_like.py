# A hand-written dataclass decorator generating __init__, __repr__, __eq__.
def record(cls):
    fields = list(cls.__annotations__)
    defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}
    def __init__(self, *args, **kwargs):
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name in fields[len(args):]:
            if name in kwargs:
                setattr(self, name, kwargs.pop(name))
            elif name in defaults:
                setattr(self, name, defaults[name])
            else:
                raise TypeError(f"missing field {name!r}")
        if kwargs:
            raise TypeError(f"unexpected fields {sorted(kwargs)}")
    def __repr__(self):
        return f"{cls.__name__}({', '.join(f'{f}={getattr(self, f)!r}' for f in fields)})"
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in fields)
    cls.__init__, cls.__repr__, cls.__eq__ = __init__, __repr__, __eq__
    cls.__hash__ = None
    return cls
@record
class Item:
    name: str
    price: float
    qty: int = 1
print(Item("pen", 1.5), Item("pad", 3.0, qty=4), Item(name="x", price=0))
print(Item("a", 1) == Item("a", 1), Item("a", 1) == Item("a", 2), Item("a", 1) == "a")
for bad in [lambda: Item("a"), lambda: Item("a", 1, color="red")]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(Item.__annotations__)
