# Comparing and hashing bytes and bytearray; use as dict keys.
a, b, c = b"abc", bytearray(b"abc"), b"abd"
print(a == b, b == a, a < c, b < c, a >= b, a != c, b"" == bytearray())
d = {a: 1}
print(d[b"abc"], b"abc" in d, d.get(bytes(b), "missing"))
try:
    {b: 1}
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([b"b", b"a", b"ab", b"", b"\xff", b"B"]))
print(sorted([bytearray(b"z"), b"y"]), max(b"a", bytearray(b"b")))
print(b"a" == "a", b"a" != "a", b"1" == 1)
try:
    b"a" < "a"
except TypeError as e:
    print(type(e).__name__, e)
print(hash(b"") == hash(b""), len({b"x", b"x", bytes(b"x")}))
