# Function objects: __name__, __qualname__, __doc__, __defaults__, __code__, attributes.
def documented(a, b=1, *args, c, **kw):
    """Returns nothing useful."""
    local_var = a
    return local_var
print(documented.__name__, documented.__qualname__, documented.__doc__, documented.__defaults__, documented.__kwdefaults__)
print(documented.__module__, type(documented).__name__, callable(documented))
co = documented.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_flags & 0x04 != 0, co.co_flags & 0x08 != 0)
class C:
    def method(self):
        def inner():
            pass
        return inner
print(C.method.__qualname__, C().method().__qualname__, C.method.__name__)
documented.custom = "attribute"
print(documented.custom, "custom" in documented.__dict__)
def f():
    pass
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
print((lambda: 0).__qualname__, documented.__annotations__)
def annotated(x: int, y: "str" = "s") -> bool:
    return True
print(annotated.__annotations__)
try:
    documented.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
