# __del__: runs once, after the object is unreachable; resurrection; order of
# finalizers and weakref callbacks; errors are printed and ignored.
import gc
from _weakref import ref

log = []


class Res:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Res({self.name})"

    def __del__(self):
        log.append(f"del {self.name}")


def drop_one():
    r = Res("one")
    return ref(r, lambda w: log.append("callback one"))

w = drop_one()
gc.collect()
print(log, w())
log.clear()

# Objects that stay reachable are not finalized.
keep = Res("kept")
gc.collect()
print("kept alive:", log)

# A cycle with a finalizer is collected and finalized once.
def make_cycle():
    a = Res("cycle")
    a.me = a
make_cycle()
gc.collect()
gc.collect()
print(log)
log.clear()

# Resurrection: __del__ stores self; it is not finalized a second time.
saved = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__")
        saved.append(self)


def make_phoenix():
    Phoenix()
make_phoenix()
gc.collect()
print("saved", len(saved), type(saved[0]).__name__)
saved.clear()
gc.collect()
gc.collect()
print("no second __del__")

# __del__ added to the class after creation applies to new instances.
class Late:
    pass
Late.__del__ = lambda self: print("Late.__del__")
def make_late():
    Late()
make_late()
gc.collect()

# Subclasses inherit __del__; a child kept alive by its parent is finalized too.
class Child(Res):
    pass


def make_family():
    parent = Res("parent")
    parent.child = Child("child")
make_family()
for _ in range(3):
    gc.collect()
print(sorted(log))
log.clear()

# An exception in __del__ is printed to stderr ("Exception ignored in") and
# does not propagate.
class Bad:
    def __del__(self):
        raise ValueError("bad finalizer")


def make_bad():
    Bad()
make_bad()
gc.collect()
print("still running")


class Worse:
    def __del__(self):
        1 / 0
def make_worse():
    Worse()
make_worse()
gc.collect()
print("done")
