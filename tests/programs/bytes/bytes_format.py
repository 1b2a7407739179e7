# %-formatting of bytes and hex/escape round trips.
print(b"%d items at %.2f" % (3, 2.5), b"%-5d|%5d|" % (1, 2), b"%x %X %o" % (255, 255, 8))
print(b"%s" % bytearray(b"ba"), b"%(k)s" % {b"k": b"v"}, b"%%", b"%c" % 0)
for bad in [(b"%s", ("str",)), (b"%d", (b"1",)), (b"%c", (256,))]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
raw = bytes(range(32, 127))
print(raw)
print(raw.hex()[:40], bytes.fromhex(raw.hex()) == raw)
allb = bytes(range(256))
r = repr(allb)
print(r[:80])
print(r[-60:])
print(len(r), eval(r) == allb)
