# __setattr__ and __delattr__ hooks, frozen objects.
class Tracked:
    def __init__(self):
        object.__setattr__(self, "changes", [])
        self.x = 0
    def __setattr__(self, name, value):
        self.changes.append((name, value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.changes.append(("del", name))
        super().__delattr__(name)
t = Tracked()
t.x = 5
t.y = "why"
del t.y
print(t.changes, t.x, hasattr(t, "y"))
try:
    del t.nope
except AttributeError as e:
    print(type(e).__name__, e)
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r}")
f = Frozen(a=1)
for action in (lambda: setattr(f, "a", 2), lambda: delattr(f, "a"), lambda: setattr(f, "new", 1)):
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)
print(f.a)
class Validated:
    def __setattr__(self, name, value):
        if name == "age" and value < 0:
            raise ValueError("age must be non-negative")
        object.__setattr__(self, name, value)
v = Validated()
v.age = 3
try:
    v.age = -1
except ValueError as e:
    print(type(e).__name__, e)
print(v.age, vars(v))
setattr(v, "dynamic name", 1)
print(getattr(v, "dynamic name"), sorted(vars(v)))
