# memoryview over bytes and bytearray: construction, items, slices,
# attributes, conversions, release and comparisons.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


m = memoryview(b"abcdef")
print(type(m).__name__, type(m) is memoryview, len(m))
print(m[0], m[-1], m[-6], m[2])
print(m.tobytes(), m.tolist(), list(m), m.hex())
print(m.obj, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
r = repr(m)
print(r.startswith("<memory at 0x"), r.endswith(">"))

# slices share the exporter and compose steps
s = m[1:5]
print(type(s).__name__, s.tobytes(), s.obj is m.obj, len(s), s.shape, s.strides)
print(m[::2].tobytes(), m[::-1].tobytes(), m[::-2].tobytes(), m[1::2][::-1].tobytes())
print(m[::2].contiguous, m[::2].c_contiguous, m[5:2].shape, m[5:2].contiguous, m[3:4].contiguous)
print(m[::2].strides, m[::-1].strides, m[1:][1:][1:].tobytes())
print(memoryview(m).obj is m.obj, memoryview(m).tobytes())
print(m[(0,)], m[(-1,)])

attempt("m[6]", lambda: m[6])
attempt("m[-7]", lambda: m[-7])
attempt("m['a']", lambda: m["a"])
attempt("m[1.5]", lambda: m[1.5])
attempt("m[None]", lambda: m[None])
attempt("m[0, 1]", lambda: m[0, 1])
attempt("m[()]", lambda: m[()])
attempt("m[:, :]", lambda: m[:, :])
attempt("m[::0]", lambda: m[::0])
attempt("memoryview(1)", lambda: memoryview(1))
attempt("memoryview('abc')", lambda: memoryview("abc"))
attempt("memoryview([1])", lambda: memoryview([1]))
attempt("memoryview()", lambda: memoryview())
attempt("memoryview(b'a', b'b')", lambda: memoryview(b"a", b"b"))
print(memoryview(object=b"kw").tobytes())
attempt("tolist(1)", lambda: m.tolist(1))

# hex with separators
print(m.hex(":"), m.hex("-", 2), m.hex(" ", -4), m[1::2].hex(":", 1))

# read-only views
attempt("m[0] = 1", lambda: m.__setitem__(0, 1))
attempt("m[0:1] = b'x'", lambda: m.__setitem__(slice(0, 1), b"x"))
attempt("del m[0]", lambda: m.__delitem__(0))

# writable views of a bytearray see and make changes
buf = bytearray(b"hello world")
v = memoryview(buf)
print(v.readonly, v.obj is buf)
v[0] = ord("H")
print(buf)
buf[1] = ord("E")
print(v.tobytes(), v[1])
v[6:11] = b"WORLD"
print(buf)
w = v[::2]
w[:] = b"......"
print(buf, w.tobytes())
v[-1] = 33
print(buf)
v[1:3] = memoryview(b"xy")
print(buf)
v[0:2] = bytearray(b"AB")
print(buf)
attempt("v[0:2] = b'abc'", lambda: v.__setitem__(slice(0, 2), b"abc"))
attempt("w[:] = b'x'", lambda: w.__setitem__(slice(None), b"x"))
attempt("v[0] = 256", lambda: v.__setitem__(0, 256))
attempt("v[0] = -1", lambda: v.__setitem__(0, -1))
attempt("v[0] = b'a'", lambda: v.__setitem__(0, b"a"))
attempt("v[0] = 2.0", lambda: v.__setitem__(0, 2.0))
attempt("v[0] = 'a'", lambda: v.__setitem__(0, "a"))
attempt("v[0:2] = [1, 2]", lambda: v.__setitem__(slice(0, 2), [1, 2]))
attempt("v[99] = 1", lambda: v.__setitem__(99, 1))
attempt("v[0, 1] = 1", lambda: v.__setitem__((0, 1), 1))
attempt("v['k'] = 1", lambda: v.__setitem__("k", 1))
attempt("del v[0]", lambda: v.__delitem__(0))
v[(2,)] = 120
print(buf)

# toreadonly keeps sharing but refuses writes
ro = v.toreadonly()
print(ro.readonly, ro.tobytes() == bytes(buf))
attempt("ro[0] = 1", lambda: ro.__setitem__(0, 1))
buf[0] = 122
print(ro[0], ro[1:3].readonly)

# hashing
print(hash(m) == hash(b"abcdef"), hash(m[::2]) == hash(b"ace"), hash(m[1:1]) == hash(b""))
attempt("hash(v)", lambda: hash(v))
attempt("hash(ro)", lambda: hash(ro))
print(hash(memoryview(b"ab").toreadonly()) == hash(b"ab"))

# equality
print(m == b"abcdef", b"abcdef" == m, m == bytearray(b"abcdef"), bytearray(b"abcdef") == m)
print(m == m[:], m[::2] == b"ace", m == b"abc", m != b"x", m == [97], m == "abcdef")
print(m[1:3] == memoryview(b"bc"), m.cast("b") == m, memoryview(b"\xff").cast("b") == memoryview(b"\xff"))
attempt("b'a' < m", lambda: b"a" < m)
attempt("m < m", lambda: m < m)
attempt("m <= b'z'", lambda: m <= b"z")
print(bytearray(b"a") < m, bytearray(b"z") > m)

# bytes-like everywhere
print(bytes(m), bytearray(m), bytes(m[::-1]), bytearray(v[:5]))
print(b"".join([m, m[1:2], b"!"]), b"-".join([m[:2], m[2:4]]), bytearray(b"+").join([m[:1]]))
print(b"x" + m, bytearray(b"x") + m[1:3], b"abcdef".find(m[1:3]), m[2:4] in b"abcdef")
attempt("ba + m[::2]", lambda: bytearray(b"x") + m[::2])
attempt("b + m[::2]", lambda: b"x" + m[::2])
attempt("join m[::2]", lambda: b"".join([m[::2]]))
print(bytes(m[::2]), bytearray(m[::-1]), m[::2] == memoryview(b"ace"), memoryview(b"ace") == m[::2])
v[0:3] = m[::2]
print(buf)
print(b"abc".startswith(m[:2]), b"a,b".split(memoryview(b",")), b"aXb".replace(memoryview(b"X"), m[:1]))
print(int(memoryview(b"12")), float(memoryview(b"1.5")), int(m[:0].tobytes() or b"7"))
ba = bytearray(b"12")
ba += memoryview(b"34")
ba.extend(memoryview(b"56"))
ba[0:1] = memoryview(b"__")
print(ba, b"%s|%b" % (m[:2], m[2:4]))

# iteration
print([x for x in m[::3]], sum(memoryview(b"\x01\x02\x03")), 98 in m, 120 in m)
print(list(reversed(memoryview(b"xyz"))), sorted(memoryview(b"cab")))

# casts between the byte formats
neg = memoryview(b"\x01\xff\x80")
print(neg.cast("b").tolist(), neg.cast("b")[1], neg.cast("b").format, neg.cast("c").tolist(), neg.cast("c")[0])
print(neg.cast("B").tolist(), neg.cast("@b").tolist(), neg.cast("c").format, neg.cast("b").itemsize)
cb = memoryview(bytearray(b"ab")).cast("c")
cb[0] = b"z"
print(cb.tobytes())
attempt("cb[0] = 1", lambda: cb.__setitem__(0, 1))
attempt("cb[0] = b'xy'", lambda: cb.__setitem__(0, b"xy"))
sb = memoryview(bytearray(b"ab")).cast("b")
sb[0] = -2
print(sb.tolist(), sb.obj)
attempt("sb[0] = 128", lambda: sb.__setitem__(0, 128))
attempt("m[::2].cast('B')", lambda: m[::2].cast("B"))
attempt("m.cast(1)", lambda: m.cast(1))

# release and the context manager
r = memoryview(b"xyz")
r.release()
r.release()
print(repr(r).startswith("<released memory at 0x"))
for label, f in [
    ("len", lambda: len(r)),
    ("item", lambda: r[0]),
    ("slice", lambda: r[:1]),
    ("obj", lambda: r.obj),
    ("nbytes", lambda: r.nbytes),
    ("readonly", lambda: r.readonly),
    ("format", lambda: r.format),
    ("shape", lambda: r.shape),
    ("tobytes", lambda: r.tobytes()),
    ("tolist", lambda: r.tolist()),
    ("hex", lambda: r.hex()),
    ("hash", lambda: hash(r)),
    ("bytes", lambda: bytes(r)),
    ("memoryview", lambda: memoryview(r)),
    ("enter", lambda: r.__enter__()),
    ("cast", lambda: r.cast("B")),
]:
    attempt(label, f)
print(r == r, r == b"xyz", r != r, r.__exit__(None, None, None))
with memoryview(b"ctx") as c:
    print(c.tolist(), c.readonly)
attempt("after with", lambda: c[0])
q = memoryview(b"q")
with q as q2:
    print(q2 is q)
