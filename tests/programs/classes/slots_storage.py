# __slots__ members live apart from __dict__, also with inheritance, deletion and __dict__ replaced.
class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b", "__dict__")
b = B()
b.a, b.b, b.c = 1, 2, 3
print(b.a, b.b, b.c, b.__dict__, sorted(k for k in dir(b) if not k.startswith("__")))
del b.a
try:
    b.a
except AttributeError as e:
    print("AttributeError", e)
try:
    del b.a
except AttributeError as e:
    print("AttributeError", e)
b.__dict__ = {"z": 9}
print(b.b, b.z, vars(b))
class C:
    __slots__ = ("__x",)
    def __init__(self): self.__x = 5
    def get(self): return self.__x
print(C().get(), C.__slots__)
try:
    A().zz = 1
except AttributeError as e:
    print("AttributeError", e)
