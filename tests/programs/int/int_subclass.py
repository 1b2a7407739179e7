# Subclassing int.
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
    def double(self):
        return MyInt(self * 2)
a = MyInt(21)
print(a, repr(a), a + 1, type(a + 1).__name__, a.double(), type(a.double()).__name__)
print(isinstance(a, int), issubclass(MyInt, int), a == 21, hash(a) == hash(21))
class Flags(int):
    def __new__(cls, value, name):
        obj = super().__new__(cls, value)
        obj.name = name
        return obj
    def __str__(self):
        return f"{self.name}={int(self)}"
f = Flags(4, "WRITE")
print(f, f | 1, f.name, int(f), f"{f}", f"{f:d}", "%d" % f)
class Clamp(int):
    def __add__(self, other):
        return Clamp(min(int(self) + int(other), 100))
    __radd__ = __add__
c = Clamp(90)
print(c + 20, 20 + c, type(c + 5).__name__, c - 5, type(c - 5).__name__)
print(sorted([MyInt(3), MyInt(1), 2]))
print(MyInt("ff", 16), MyInt(True))
print(bool(MyInt(0)), str(MyInt(5)), format(MyInt(255), "x"))
d = {MyInt(1): "a"}
print(d[1])
class Weird(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
print(Weird(1) == 2, 2 == Weird(1), Weird(3) != 4)
