# Huge allocations raise MemoryError (or OverflowError) immediately.
try:
    x = [0] * (2 ** 62)
except MemoryError as e:
    print(type(e).__name__, repr(e))
try:
    s = "ab" * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    b = bytes(2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
try:
    l = [None] * (2 ** 63)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, e)
print("program continues")
