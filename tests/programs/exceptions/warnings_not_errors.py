# Warning classes are exceptions; raising them works like any other.
try:
    raise UserWarning("be careful")
except Warning as w:
    print(type(w).__name__, w, isinstance(w, Exception))
for cls in [DeprecationWarning, RuntimeWarning, SyntaxWarning, FutureWarning, ResourceWarning]:
    try:
        raise cls("msg")
    except Warning as w:
        print(cls.__name__, repr(w))
