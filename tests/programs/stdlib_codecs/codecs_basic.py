# The codec and error-handler registries of _codecs, through codecs.py,
# and the modules that needed them (json, decimal, fractions, statistics).
import codecs
import json

print(codecs.lookup("UTF-8").name, codecs.lookup("latin_1").name, codecs.lookup("ASCII").name)
print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo", "utf-8"))
print(codecs.encode("héllo", "latin-1"), codecs.decode(b"h\xe9llo", "latin-1"))
print(codecs.utf_8_encode("aé"), codecs.utf_8_decode(b"a\xc3\xa9\xc3", "strict", False))
print(codecs.utf_8_decode(b"a\xc3\xa9", "strict", True), codecs.latin_1_decode(b"\xff"), codecs.ascii_encode("ab"))
for handler in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
    print(handler, codecs.lookup_error(handler).__name__)
try:
    codecs.lookup_error("nonexistent")
except LookupError as e:
    print("LookupError:", e)
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
print("é€".encode("ascii", "custom") if False else "skip")

def search(name):
    if name == "rot_x":
        return codecs.CodecInfo(lambda s, errors="strict": (s[::-1].encode(), len(s)),
                                lambda b, errors="strict": (bytes(b)[::-1].decode(), len(b)), name="rot_x")
    return None
codecs.register(search)
print(codecs.encode("abc", "rot_x"), codecs.decode(b"abc", "rot_x"), codecs.lookup("rot_x").name)
codecs.unregister(search)

codecs.register_error("dash", lambda exc: ("-" * (exc.end - exc.start), exc.end))
print(codecs.lookup_error("dash")(UnicodeEncodeError("ascii", "aéb", 1, 2, "bad")))
exc = UnicodeEncodeError("ascii", "a\u20acb", 1, 2, "bad")
print(codecs.replace_errors(exc), codecs.backslashreplace_errors(exc), codecs.xmlcharrefreplace_errors(exc), codecs.ignore_errors(exc))
dexc = UnicodeDecodeError("utf-8", b"a\xffb", 1, 2, "bad")
print(codecs.replace_errors(dexc), codecs.backslashreplace_errors(dexc))
try:
    codecs.strict_errors(exc)
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)

data = {"name": "Krait", "tags": ["a", "é"], "n": 3, "x": 1.5, "ok": True, "none": None}
text = json.dumps(data, sort_keys=True)
print(text, json.loads(text) == data, json.dumps(data, indent=2)[:30].replace("\n", "|"))
print(json.loads(b'{"k": [1, 2, {"z": null}]}'), json.loads('"\\u00e9\\n"'))

from decimal import Decimal, getcontext
from fractions import Fraction
import statistics
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), getcontext().prec)
print(Fraction(1, 3) + Fraction(1, 6), Fraction("3.75"), statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]))
print(codecs.namereplace_errors(UnicodeEncodeError("ascii", "a\u20ac\xe9b", 1, 3, "bad")), "\u20acx".encode("ascii", "namereplace") if False else "")
