# memoryview in the wider object model: ABC registration, hashing as a
# dict key, subclassing, truthiness, unbound methods, and views keeping
# their exporter alive across collections.
import gc
from _collections_abc import Sequence

print(issubclass(memoryview, Sequence), isinstance(memoryview(b""), Sequence))
try:

    class X(memoryview):
        pass

except TypeError as e:
    print(e)
d = {b"ab": 1}
print(d[memoryview(b"ab")], memoryview(b"ab") in {b"ab"}, {memoryview(b"k"): 2}[b"k"])
print(memoryview.__name__, memoryview.__qualname__, memoryview.__module__, "cast" in dir(memoryview))
m = memoryview(bytearray(b"abc"))
print(bool(m), bool(memoryview(b"")), str(m) == repr(m))
print(memoryview(b"abc").__len__(), memoryview.tobytes(memoryview(b"z")))
try:
    memoryview.tobytes(b"z")
except TypeError as e:
    print(e)


def make_views():
    big = bytearray(range(256)) * 4
    return memoryview(big)[10:20], memoryview(bytes(range(100)))[::-7]


views = make_views()
junk = [[i] * 10 for i in range(2000)]
gc.collect()
print(views[0].tolist(), views[1].tolist(), views[0].obj[:3], len(views[1].obj))
views[0][0] = 0
print(views[0].obj[8:12])

it = iter(memoryview(b"xy"))
print(type(it).__name__, hasattr(it, "__length_hint__"), next(it), list(it))
