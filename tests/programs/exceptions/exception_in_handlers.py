# Exceptions raised in except/else/finally, and sys.exc_info inside handlers.
import sys
def show():
    t, v, tb = sys.exc_info()
    return (t.__name__ if t else None, repr(v), tb is not None)
print(show())
try:
    raise ValueError("x")
except ValueError:
    print(show())
    try:
        raise KeyError("y")
    except KeyError:
        print(show())
    print(show())
print(show())
print(repr(sys.exception()) if hasattr(sys, "exception") else "no sys.exception in 3.11")
try:
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
    finally:
        print("finally sees", show())
except TypeError as e:
    print("outer", repr(e), repr(e.__context__))
