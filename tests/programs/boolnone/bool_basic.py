# bool: a subclass of int with two instances.
print(True, False, repr(True), str(False), int(True), float(False))
print(True + True, True * 10, True / 2, -True, ~True, ~False, True << 3, True ** 2)
print(isinstance(True, int), issubclass(bool, int), type(True).__name__, bool.__mro__ if False else bool.__bases__)
print(True == 1, False == 0, True is True, True == 1.0, hash(True), hash(False))
for v in [0, 1, -1, 0.0, 0.1, "", "a", " ", [], [0], (), (None,), {}, {0: 0}, set(), None, 0j, range(0), range(1), b"", bytearray(1)]:
    print(repr(v), bool(v), not v)
print(bool(), bool(None))
print(True and 3, False and 3, True or 3, 0 or "x", "" or [] or None, 1 and 2 and 3, 0 and 1 / 0)
print(sum([True, True, False, True]), max(False, True), sorted([True, False, True]))
print(True & False, True | False, True ^ True, type(True ^ True).__name__, type(True + 0).__name__)
print(format(True), format(True, "d"), f"{False!r}", f"{True:>6}", "%s %d %r" % (True, True, False))
print(str(True).lower(), "True".upper())
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool("False"), bool(int("0")))
d = {True: "yes", 1: "one", 1.0: "float"}
print(d)
print(["a", "b"][True], (10, 20)[False])
