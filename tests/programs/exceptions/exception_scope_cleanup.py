# The 'as' target is deleted after the except block; nested names.
try:
    raise ValueError("one")
except ValueError as err:
    kept = err
print(repr(kept))
try:
    err
except NameError as e:
    print(type(e).__name__, e)
def f():
    err = "local"
    try:
        raise KeyError
    except KeyError as err:
        pass
    return "err" in locals()
print(f())
class Holder:
    try:
        raise IndexError("class body")
    except IndexError as exc:
        message = str(exc)
print(Holder.message, hasattr(Holder, "exc"))
