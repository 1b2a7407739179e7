# _weakref.ref: referents, callbacks after collection, reuse, hash, equality.
import gc
import sys
import _weakref
from _weakref import ref, getweakrefcount, getweakrefs


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


events = []


def on_death(r):
    events.append(("dead", r() is None))


a = Node("a")
r1 = ref(a)
print(r1() is a, r1() == a, getweakrefcount(a))
# A callback-less ref is shared; one with a callback is new.
r2 = ref(a)
print(r2 is r1)
r3 = ref(a, on_death)
print(r3 is r1, r3.__callback__ is on_death, r1.__callback__)
print(getweakrefcount(a), len(getweakrefs(a)), getweakrefs(a)[0] is r1)
print(type(r1).__name__, type(r1).__module__, ref is _weakref.ReferenceType)
print(isinstance(r1, ref), callable(r1))
print("hash", hash(r1) == hash(a))
print("eq", r1 == r3, r1 != r3, r1 == 5, r1 != 5)
print("weakref attr", a.__weakref__ is r1)

del a
gc.collect()
print(r1(), r3(), events)
print("dead eq", r1 == r3, r1 == r1)
print("count after", getweakrefcount(r1) if False else "-")
# The hash was cached while the referent lived.
print("hash kept", isinstance(hash(r1), int))
b = Node("b")
rb = ref(b)
del b
gc.collect()
try:
    hash(rb)
except TypeError as e:
    print("TypeError", e)

# Callbacks run once, with the weakref as argument, in creation order.
order = []
def make(tag):
    return lambda r: order.append(tag)
objs = [Node(i) for i in range(3)]
refs = [ref(o, make(i)) for i, o in enumerate(objs)]
objs.clear()
gc.collect()
print("order", sorted(order), [r() for r in refs])
gc.collect()
print("again", sorted(order))

# A weakref that dies with its referent gets no callback.
c = Node("c")
holder = [ref(c, lambda r: print("never"))]
del holder, c
gc.collect()
print("no callback")

# Weakly referenceable and not.
def func():
    pass
def gen():
    yield 1
class Plain:
    pass
class WithSlots:
    __slots__ = ("x",)
class SlotsWeak:
    __slots__ = ("x", "__weakref__")
class MyList(list):
    pass
class MyInt(int):
    pass
class MyError(Exception):
    pass
candidates = [
    ("function", func), ("class", Plain), ("type", int), ("instance", Plain()),
    ("set", {1}), ("frozenset", frozenset()), ("generator", gen()),
    ("module", sys), ("bound method", Node("m").__repr__), ("list subclass", MyList()),
    ("slots+weakref", SlotsWeak()), ("exception subclass", MyError()),
    ("int", 1), ("bool", True), ("float", 1.5), ("str", "s"), ("bytes", b""),
    ("tuple", ()), ("list", []), ("dict", {}), ("None", None), ("object", object()),
    ("slots", WithSlots()), ("int subclass", MyInt(3)), ("weakref", r1),
    ("exception", ValueError()), ("range", range(2)),
]
keep = []
for label, obj in candidates:
    try:
        keep.append(ref(obj))
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)
print("slots weakref attr", SlotsWeak().__weakref__)
print("__weakref__" in Plain.__dict__, "__weakref__" in WithSlots.__dict__)

# Subclasses of ref keep attributes and are not shared.
class KeyedRef(ref):
    def __new__(cls, obj, callback, key):
        self = ref.__new__(cls, obj, callback)
        self.key = key
        return self

    def __init__(self, obj, callback, key):
        super().__init__(obj, callback)

d = Node("d")
k = KeyedRef(d, None, "the key")
print(type(k).__name__, k.key, k() is d, k is ref(d), isinstance(k, ref))
del d
gc.collect()
print("keyed", k(), k.key)

# Arguments.
for args in [(), (1, 2, 3, 4)]:
    try:
        ref(*args)
    except TypeError as e:
        print("TypeError", e)
for args, kwargs in [((1,), {}), ((), {"x": 1})]:
    try:
        r1(*args, **kwargs)
    except TypeError as e:
        print("TypeError", e)
