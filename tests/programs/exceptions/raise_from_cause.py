# raise ... from ..., __cause__, __context__, __suppress_context__.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {s!r}") from e
try:
    parse("x")
except RuntimeError as e:
    print(type(e).__name__, e)
    print(" cause:", type(e.__cause__).__name__, e.__cause__)
    print(" context:", type(e.__context__).__name__, e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during handling")
except ValueError as e:
    print(type(e).__name__, e, "| cause:", e.__cause__, "| context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    print(e, e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise IndexError("i") from KeyError("k")
except IndexError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
e1 = ValueError("a")
e1.__cause__ = TypeError("manual")
print(repr(e1.__cause__))
def deep():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise IndexError("second")
        except IndexError:
            raise ValueError("third")
try:
    deep()
except ValueError as e:
    c = e
    while c is not None:
        print(" chain:", type(c).__name__, c)
        c = c.__context__
