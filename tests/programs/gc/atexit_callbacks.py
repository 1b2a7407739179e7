# atexit: callbacks run at exit, last registered first, before the
# finalizers of what module globals still hold; errors are printed and the
# exit status stays 0.
import atexit


class Resource:
    def __del__(self):
        print("Resource finalized")


def greet(name, punctuation="."):
    print(f"goodbye {name}{punctuation}")


def failing():
    print("failing callback")
    raise KeyError("at exit")


res = Resource()
print(atexit.register(greet, "first") is greet)
atexit.register(failing)
atexit.register(greet, "second", punctuation="!")
atexit.register(print, "unregistered")
atexit.unregister(print)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
print("main done")
