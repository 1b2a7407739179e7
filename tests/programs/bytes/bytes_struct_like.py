# Packing and unpacking integers by hand with to_bytes/from_bytes.
def pack(fmt, *vals):
    out = bytearray()
    for ch, v in zip(fmt, vals):
        size = {"B": 1, "H": 2, "I": 4, "Q": 8, "b": 1, "h": 2, "i": 4}[ch]
        out += v.to_bytes(size, "little", signed=ch.islower())
    return bytes(out)
def unpack(fmt, data):
    vals, pos = [], 0
    for ch in fmt:
        size = {"B": 1, "H": 2, "I": 4, "Q": 8, "b": 1, "h": 2, "i": 4}[ch]
        vals.append(int.from_bytes(data[pos:pos + size], "little", signed=ch.islower()))
        pos += size
    return tuple(vals)
rec = pack("BHIQbhi", 255, 65535, 2 ** 32 - 1, 2 ** 64 - 1, -128, -32768, -(2 ** 31))
print(rec, len(rec), rec.hex())
print(unpack("BHIQbhi", rec))
rec2 = pack("IhB", 123456, -2, 7)
print(rec2, unpack("IhB", rec2))
try:
    pack("B", 256)
except OverflowError as e:
    print(type(e).__name__, e)
mv = memoryview(b"abcdef") if False else None
print(mv)
header = b"KRT\x01" + (3).to_bytes(2, "big") + b"abc"
magic, ver, n = header[:3], header[3], int.from_bytes(header[4:6], "big")
print(magic, ver, n, header[6:6 + n])
