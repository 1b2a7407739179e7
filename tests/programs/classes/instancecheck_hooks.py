# __instancecheck__ and __subclasscheck__ on metaclasses.
class DuckMeta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=DuckMeta):
    pass
class Mallard:
    def quack(self):
        return "quack"
class Stone:
    pass
print(isinstance(Mallard(), Duck), isinstance(Stone(), Duck), issubclass(Mallard, Duck), issubclass(Stone, Duck))
print(isinstance(Mallard(), (int, Duck)), isinstance(Duck(), Duck))
class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
class Even(metaclass=EvenMeta):
    pass
print([x for x in range(10) if isinstance(x, Even)], isinstance("2", Even))
