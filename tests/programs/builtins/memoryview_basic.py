def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m[1:3].tobytes(), m[::2].tolist(), m[::-1].tobytes(), bytes(m[2:]))
print(m.readonly, m.nbytes, m.itemsize, m.ndim, m.format, m.shape, m.obj, m.hex(), m == b"abcdef", m != b"x")
print(m[1:4] == memoryview(b"bcd"), b"xy" + m[:2], list(m[4:]), hash(m) == hash(b"abcdef"))
ba = bytearray(b"hello")
v = memoryview(ba)
v[0] = ord("J")
v[1:3] = b"EL"
print(ba, v.readonly, v.tobytes(), memoryview(v).tolist())
show("int", lambda: memoryview(1))
show("str", lambda: memoryview("abc"))
show("index", lambda: m[10])
show("readonly", lambda: m.__setitem__(0, 1))
show("hash writable", lambda: hash(v))
show("bad value", lambda: v.__setitem__(0, 300))
show("size", lambda: v.__setitem__(slice(0, 2), b"abc"))
with memoryview(b"xyz") as w:
    print(w.tobytes())
show("released", lambda: w.tobytes())
print(repr(w).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
