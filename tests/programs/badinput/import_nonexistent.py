# Importing a missing module raises ModuleNotFoundError.
try:
    import nonexistent
except ModuleNotFoundError as e:
    print(type(e).__name__, e, repr(e.name))
try:
    from nonexistent.sub import thing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import math.nonexistent
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
import nonexistent
