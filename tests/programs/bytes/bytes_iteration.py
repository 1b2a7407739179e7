# Iterating bytes, int conversion, checksums.
data = bytes(range(0, 256, 15))
print(data)
print([x for x in data], [hex(x) for x in data[:5]])
chk = 0
for i, byte in enumerate(data):
    chk = (chk * 31 + byte * (i + 1)) & 0xFFFFFFFF
print(chk)
def crc8(bs):
    crc = 0
    for b in bs:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc
for m in [b"", b"a", b"hello", b"123456789", bytes(100)]:
    print(m[:10], crc8(m))
def b64(bs):
    alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    out = []
    for i in range(0, len(bs), 3):
        chunk = bs[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        enc = [alpha[(n >> s) & 63] for s in (18, 12, 6, 0)]
        if len(chunk) < 3:
            enc[len(chunk) + 1:] = "=" * (3 - len(chunk))
        out.append("".join(enc))
    return "".join(out)
for m in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", "krait ü".encode()]:
    print(m, b64(m))
print(bytes(reversed(b"abc")), sorted(b"dcba"), max(b"az"), min(b"az"), bytes(sorted(b"hello")))
