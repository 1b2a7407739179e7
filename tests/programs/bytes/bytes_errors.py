# Error messages from bytes and bytearray operations.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
t("bytes str no enc", lambda: bytes("x"))
t("bytes enc for list", lambda: bytes([1], "utf-8"))
t("bytes float", lambda: bytes(1.5))
t("bytes None", lambda: bytes(None))
t("fromhex odd", lambda: bytes.fromhex("abc"))
t("decode bad", lambda: b"\x80abc".decode("ascii"))
t("mul float", lambda: b"a" * 1.0)
t("add int", lambda: b"a" + 1)
t("contains str", lambda: "a" in b"abc")
t("contains 300", lambda: 300 in b"abc")
t("index missing", lambda: b"abc".index(b"z"))
t("ba append str", lambda: bytearray().append("a"))
t("ba extend int", lambda: bytearray().extend(5))
t("ba insert big", lambda: bytearray().insert(0, 1000))
t("ba getitem", lambda: bytearray(b"a")[3])
t("join ints", lambda: b"".join([1, 2]))
t("hex sep", lambda: b"ab".hex("::"))
t("zfill", lambda: b"1".zfill("2"))
