# bytes and bytearray constructors.
print(bytes(), bytes(3), bytes([1, 2]), bytes(b"ab"), bytes("é", "utf-8"), bytes("abc", encoding="ascii"), bytes(range(3)), bytes(bytearray(b"q")))
print(bytearray(), bytearray(2), bytearray([65]), bytearray(b"x"), bytearray("ü", "utf-8"), bytearray(range(2)))
for bad in [lambda: bytes("a"), lambda: bytes([300]), lambda: bytes(-1), lambda: bytes(1.0), lambda: bytearray("a"), lambda: bytes("a", "bogus"), lambda: bytes([1], "utf-8")]:
    try:
        bad()
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)
class B:
    def __bytes__(self):
        return b"custom"
print(bytes(B()))
