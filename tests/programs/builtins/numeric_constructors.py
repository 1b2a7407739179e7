# int, float, complex, bool constructors from many inputs.
for v in ["12", " 12 ", "-0", 12.9, -12.9, True, "0b11", b"7"]:
    try:
        print("int", repr(v), int(v))
    except ValueError as e:
        print("int", repr(v), type(e).__name__, e)
print(int("11", 2), int("11", 36), int("0b11", 0), int("-0x1f", 16))
for v in ["1.5", "  -2e3 ", "inf", "-nan", "1_0.5", 7, True, "0x1"]:
    try:
        print("float", repr(v), float(v))
    except ValueError as e:
        print("float", repr(v), type(e).__name__, e)
for v in [(1,), (1, 2), ("3+4j",), (2.5, -1), ()]:
    print("complex", v, complex(*v))
for v in [0, 1, "", "0", [], [0], None, 0.0, -0.0, 0j, {}, {0: 0}]:
    print("bool", repr(v), bool(v))
print(int(), float(), complex(), bool())
