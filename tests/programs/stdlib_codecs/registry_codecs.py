# Codecs str and bytes reach through the registry (encodings): UTF-16/32
# with and without BOM, charmap code pages, and their errors.
import codecs

text = "Grüße 😀 €"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252", "cp437", "iso8859-15", "mac-roman"]:
    try:
        data = text.encode(enc, "replace")
        print(enc, data, data.decode(enc, "replace"))
    except (UnicodeError, LookupError) as e:
        print(enc, type(e).__name__, e)
for enc, data in [("utf-16-le", b"a\x00\x00\xd8"), ("utf-16-le", b"a\x00b"), ("utf-32-le", b"\x00\x00\x11\x00"), ("cp1252", b"\x81"), ("utf-16", b"\xfe\xff\x00a")]:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            print(enc, errors, repr(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, "UnicodeDecodeError:", e)
for errors in ["strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace", "namereplace"]:
    try:
        print(errors, "€ and 😀 ok".encode("cp437", errors))
    except UnicodeEncodeError as e:
        print(errors, "UnicodeEncodeError:", e, e.start, e.end)
print(codecs.utf_16_le_decode(b"a\x00b", "strict", False), codecs.utf_16_decode(b"\xff\xfea\x00", "strict", True))
print(codecs.decode(b"\xe4", "cp1252"), codecs.encode("ä", "cp1252"), "x".encode("UTF-16LE"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
