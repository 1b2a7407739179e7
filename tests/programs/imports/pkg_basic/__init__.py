"""A basic package."""
print("pkg_basic/__init__ executing, __name__ =", __name__)
VERSION = "1.0"
def greet(name):
    return f"hello, {name} (from {__name__})"
