# int() parsing in all bases and from other types.
def show(*args):
    try:
        print(repr(args), "->", int(*args))
    except Exception as e:
        print(repr(args), "->", type(e).__name__, e)
show()
show("42")
show(" -17 ")
show("0x1F", 16)
show("0x1F", 0)
show("0o17", 0)
show("0b101", 0)
show("017", 0)
show("0", 0)
show("00", 0)
show("1_000", 0)
show("1__000")
show("_1")
show("1_")
show("z", 36)
show("ZZ", 36)
show("10", 2)
show("12", 2)
show("10", 1)
show("10", 37)
show("")
show("  ")
show("3.14")
show(3.99)
show(-3.99)
show(1e20)
show(True)
show("١٢٣")
show(b"42")
show(bytearray(b"-7"))
show("12", 10)
show(12, 10)
show(float("inf"))
show(float("nan"))
show("inf")
show("+")
show("- 5")
show("0x", 16)
show("0xg", 16)
show("ff", 16)
show("FF", 16)
show("1e5")
show([1])
show(None)
class Intish:
    def __repr__(self):
        return "Intish()"
    def __index__(self):
        return 7
class Truncish:
    def __trunc__(self):
        return 9
class IntMethod:
    def __repr__(self):
        return "IntMethod()"
    def __int__(self):
        return 11
show(Intish())
show(IntMethod())
print(int("7", base=8))
print(int(x="101", base=2) if False else int("101", base=2))
