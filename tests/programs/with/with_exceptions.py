# with and exceptions: suppression, exit args, exceptions in __enter__/__exit__.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None:
            print(f"  exit saw {et.__name__}: {ev}")
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError):
    {}["x"]
print("after suppressed KeyError")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e)
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("  exit never called")
try:
    with BadEnter():
        print("body never runs")
except RuntimeError as e:
    print(type(e).__name__, e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise IndexError("exit failed")
try:
    with BadExit():
        raise KeyError("original")
except IndexError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
def f():
    with Suppress(ZeroDivisionError):
        return 1 / 0
    return "fell through after suppression"
print(f())
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string is truthy"
with Truthy():
    raise ValueError("swallowed by truthy return")
print("done")
