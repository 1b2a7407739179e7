# Uncaught chained exception (raise ... from ...).
def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise LookupError(f"configuration key {key!r} missing") from e
print(load("a"))
load("b")
