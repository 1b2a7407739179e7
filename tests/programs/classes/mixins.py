# Mixin classes composed via multiple inheritance.
class ReprMixin:
    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({items})"
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__
class JsonMixin:
    def to_json(self):
        def enc(v):
            if isinstance(v, str):
                return '"' + v + '"'
            if isinstance(v, bool):
                return "true" if v else "false"
            if v is None:
                return "null"
            if isinstance(v, list):
                return "[" + ",".join(enc(x) for x in v) + "]"
            return str(v)
        return "{" + ",".join(f'"{k}":{enc(v)}' for k, v in self.__dict__.items()) + "}"
class User(ReprMixin, EqMixin, JsonMixin):
    def __init__(self, name, admin=False, tags=None):
        self.name, self.admin, self.tags = name, admin, tags or []
u = User("ann", True, ["a", "b"])
print(u, u == User("ann", True, ["a", "b"]), u == User("bob"), u.to_json(), User("x").to_json())
print([c.__name__ for c in User.__mro__])
