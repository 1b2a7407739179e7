# bytes construction, indexing, slicing, repr.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(b"xyz"), bytes("é", "utf-8"), bytes(range(5)), bytes(bytearray(b"ba")))
b = b"hello world"
print(b[0], b[-1], b[1:5], b[::-1], b[::2], b[100:], len(b), type(b[0]).__name__, type(b[0:1]).__name__)
print(repr(b"\x00\x01\x7f\x80\xff"), repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\\"))
for bad in [lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("abc"), lambda: bytes(-1), lambda: bytes([1.5]), lambda: b"a"[5], lambda: bytes("x", "nope")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(b"abc" == b"abc", b"abc" < b"abd", b"" < b"\x00", b"abc" == "abc", b"a" + b"b", b"ab" * 3, 2 * b"x")
print(list(b"abc"), tuple(b"\x00\xff"), sum(b"\x01\x02"), 97 in b"abc", b"bc" in b"abc", b"" in b"x")
print(hash(b"abc") == hash(b"abc"), b"abc".hex(), bytes.fromhex("de ad be ef"), b"\x01\x02".hex(":"), b"abcdef".hex("-", 2))
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(bytes(b"x") is not None, b"%s %d %x" % (b"ab", 5, 255), b"%c%c" % (65, b"B"), b"%5s|" % b"r")
print(str(b"abc"), b"abc".decode(), b"\xe2\x82\xac".decode("utf-8"))
