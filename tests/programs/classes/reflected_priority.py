# Reflected operand priority for subclasses, and NotImplemented chains.
class A:
    def __add__(self, o):
        return "A.__add__"
    def __radd__(self, o):
        return "A.__radd__"
    def __lt__(self, o):
        return "A.__lt__"
    def __gt__(self, o):
        return "A.__gt__"
class B(A):
    def __radd__(self, o):
        return "B.__radd__"
    def __gt__(self, o):
        return "B.__gt__"
class C(A):
    pass
print(A() + A(), A() + B(), B() + A(), A() + C(), 1 + A(), A() + 1)
print(A() < B(), B() < A(), A() < A(), 1 < A(), A() > 1)
class N:
    def __add__(self, o):
        print("  N.__add__ -> NotImplemented")
        return NotImplemented
class M:
    def __radd__(self, o):
        print("  M.__radd__")
        return "M handled"
print(N() + M())
class Both:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    Both() + Both()
except TypeError as e:
    print(type(e).__name__, e)
class IntLike(int):
    def __radd__(self, o):
        return f"IntLike.__radd__({o})"
print(5 + IntLike(3), IntLike(3) + 5)
class FloatLike(float):
    def __rsub__(self, o):
        return "FloatLike.__rsub__"
print(1.0 - FloatLike(2), 1 - FloatLike(2))
