# encode/decode with different codecs and error handlers.
s = "Grüße, 世界! €"
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "latin-1", "ascii", "cp1252"]:
    try:
        b = s.encode(enc)
        print(enc, len(b), b[:12], b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, type(e).__name__, e.reason, e.start, e.end)
for errors in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace"]:
    try:
        print(errors, s.encode("ascii", errors))
    except UnicodeError as e:
        print(errors, type(e).__name__)
bad = b"ab\xffcd\xc3"
for errors in ["ignore", "replace", "backslashreplace"]:
    print(errors, repr(bad.decode("utf-8", errors)))
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e, e.start, e.end, e.reason, e.encoding)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
print("abc".encode(), "abc".encode("UTF8"), "é".encode("utf_8"), b"\xe9".decode("iso-8859-1"))
print(len("😀".encode("utf-16")), "😀".encode("utf-16-le"))
