# raise with class, instance, re-raise, raise in except, invalid raise.
def f(kind):
    if kind == 1:
        raise ValueError
    if kind == 2:
        raise ValueError("instance")
    if kind == 3:
        try:
            raise KeyError("inner")
        except KeyError:
            raise
    if kind == 4:
        raise 42
    if kind == 5:
        raise object
    if kind == 6:
        e = TypeError("stored")
        raise e
    if kind == 7:
        raise
for k in range(1, 8):
    try:
        f(k)
    except Exception as e:
        print(k, type(e).__name__, repr(e))
def reraise_modified():
    try:
        raise ValueError("original")
    except ValueError as e:
        e.args = ("modified",)
        raise
try:
    reraise_modified()
except ValueError as e:
    print(e)
def raise_in_finally():
    try:
        raise KeyError("body")
    finally:
        raise IndexError("finally")
try:
    raise_in_finally()
except IndexError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
