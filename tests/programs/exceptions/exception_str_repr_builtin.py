# str()/repr() of exception types with various argument counts.
classes = [Exception, ValueError, KeyError, IndexError, TypeError, RuntimeError, StopIteration, OSError, UnicodeError, ArithmeticError]
for cls in classes:
    for args in [(), ("one",), ("one", 2), (None,), ("",)]:
        e = cls(*args)
        print(cls.__name__, args, repr(str(e)), repr(e))
