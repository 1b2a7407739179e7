# Weakref callbacks: a callback that raises is reported on stderr and
# ignored; _remove_dead_weakref; callbacks see the dead weakref.
import gc
from _weakref import ref, _remove_dead_weakref


class C:
    pass


d = {}
a, b = C(), C()
d["a"] = ref(a)
d["b"] = ref(b)
del a
gc.collect()
_remove_dead_weakref(d, "a")
_remove_dead_weakref(d, "b")
_remove_dead_weakref(d, "missing")
print(sorted(d))
try:
    _remove_dead_weakref({"x": 1}, "x")
except TypeError as e:
    print("TypeError", e)

seen = []


def remember(r):
    seen.append((type(r).__name__, r() is None, r.__callback__))


c = C()
r = ref(c, remember)
del c
gc.collect()
print(seen)


def bad(r):
    raise RuntimeError("callback failed")


e = C()
r2 = ref(e, bad)
del e
gc.collect()
print("after bad callback", r2())
