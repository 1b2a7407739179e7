# Class body execution, __qualname__, nested classes, __module__, __doc__, vars().
print("before class")
class Outer:
    """Outer doc."""
    print("executing class body")
    x = 1
    y = x + 1
    class Inner:
        z = 3
        class Deepest:
            pass
    def m(self):
        return self.Inner.z
    for i in range(3):
        pass
    del i
print("after class")
print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__, Outer.__module__, Outer.__doc__)
print(Outer.y, Outer().m(), Outer.Inner.z, hasattr(Outer, "i"))
print(sorted(k for k in vars(Outer) if not k.startswith("__")), Outer.__name__)
class WithDocNone:
    pass
print(WithDocNone.__doc__, WithDocNone.__dict__.get("__doc__"))
def factory(n):
    class Local:
        value = n
    return Local
A, B = factory(1), factory(2)
print(A.value, B.value, A is B, A.__qualname__)
