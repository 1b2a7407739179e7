# __bool__ and __len__ on user classes.
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
for obj in [Bag(), Bag(1), Flag(True), Flag(False)]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj, len(obj) if isinstance(obj, Bag) else "-")
class BadLen:
    def __len__(self):
        return "3"
class FloatLen:
    def __len__(self):
        return 3.0
class BoolNone:
    def __bool__(self):
        return None
for obj in [BadLen(), FloatLen(), BoolNone()]:
    try:
        bool(obj)
    except TypeError as e:
        print(type(obj).__name__, type(e).__name__, e)
try:
    len(BadLen())
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(Flag(True))
except TypeError as e:
    print(type(e).__name__, e)
class LenIndex:
    def __len__(self):
        class I:
            def __index__(self):
                return 4
        return I()
print(len(LenIndex()))
