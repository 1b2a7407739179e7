# except clause matching: tuples, base classes, order, non-exception classes.
def throw(e):
    try:
        raise e
    except (KeyError, IndexError) as x:
        return f"lookup-tuple {type(x).__name__}"
    except ArithmeticError as x:
        return f"arith {type(x).__name__}"
    except Exception as x:
        return f"generic {type(x).__name__}"
for e in [KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), ValueError(), LookupError(), UnicodeDecodeError("utf-8", b"", 0, 1, "r")]:
    print(throw(e))
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
errs = (ValueError, TypeError)
try:
    int(None)
except errs as e:
    print("dynamic tuple:", type(e).__name__)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException catches", type(e).__name__)
try:
    raise SystemExit(5)
except SystemExit as e:
    print("caught SystemExit", e.code)
