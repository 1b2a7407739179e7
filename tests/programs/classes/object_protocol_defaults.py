# Default behaviour inherited from object.
class Plain:
    pass
p = Plain()
print(type(p).__name__, p == p, p != Plain(), isinstance(p, object), issubclass(Plain, object), Plain.__bases__)
print(p.__class__ is Plain, Plain.__class__ is type, type(p).__mro__)
print(p.__eq__(p), p.__eq__(1), p.__ne__(1), p.__lt__(1), p.__hash__() == hash(p))
print(object.__name__, sorted(set(dir(p)) - set(dir(object))), "__dict__" in dir(p))
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p < p
except TypeError as e:
    print(type(e).__name__, e)
print(p.__str__() == p.__repr__(), format(p, "") == str(p))
p.__dict__["added"] = 1
print(p.added, vars(p))
p.__class__ = type("Other", (), {"hello": lambda self: "now Other"})
print(type(p).__name__, p.hello())
