# bytearray: a mutable bytes.
ba = bytearray(b"hello")
ba[0] = 72
print(ba, len(ba), ba[0], ba[1:3], repr(ba))
ba.append(33)
ba.extend(b" more")
ba.extend([32, 65])
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("l"))
print(ba)
del ba[0]
del ba[-3:]
print(ba)
ba[1:3] = b"XYZW"
print(ba)
ba[::2] = b"*" * len(ba[::2])
print(ba)
ba.reverse()
print(ba)
ba += b"!!"
ba *= 2
print(ba, ba.count(b"!"), ba.find(b"!!"))
print(ba.upper(), type(ba.upper()).__name__, ba.decode("latin-1"))
ba.clear()
print(ba, len(ba), bytearray(3), bytearray(range(4)), bytearray("é", "utf-8"), bytearray.fromhex("ff00"))
c = bytearray(b"abc")
d = c.copy()
d[0] = 0
print(c, d, c == b"abc", b"abc" == c, bytes(c), c + b"d", b"d" + c, type(b"d" + c).__name__)
for bad in [lambda: c.__setitem__(0, 256), lambda: c.__setitem__(0, b"x"), lambda: c.remove(120), lambda: bytearray().pop(), lambda: c.__setitem__(slice(0, 3, 2), b"xyz"), lambda: hash(c)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(c)
c[0:0] = b"__"
print(c, c.index(b"b"), c.startswith(b"__"))
