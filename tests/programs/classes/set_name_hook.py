# __set_name__ is called at class creation with owner and attribute name.
class Field:
    def __init__(self, default=None):
        self.default = default
    def __set_name__(self, owner, name):
        print(f"__set_name__({owner.__name__}, {name!r})")
        self.owner, self.name = owner.__name__, name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value
class Model:
    id = Field(0)
    title = Field("untitled")
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def __repr__(self):
        fields = [k for k, v in type(self).__dict__.items() if isinstance(v, Field)]
        return f"Model({', '.join(f'{k}={getattr(self, k)!r}' for k in fields)})"
print(Model(), Model(id=5), Model(title="x", id=1), Model.id.owner, Model.title.name)
f = Field()
class Later:
    pass
Later.attr = f
print(hasattr(f, "name"))
f.__set_name__(Later, "attr")
print(f.name)
