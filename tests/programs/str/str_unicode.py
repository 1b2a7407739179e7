# Unicode strings: code points, escapes, chr/ord, len, encode.
s = "aé€𝄞"
print(len(s), [ord(c) for c in s], [hex(ord(c)) for c in s])
print(s.encode("utf-8"), len(s.encode("utf-8")), s.encode("utf-8").decode("utf-8") == s)
print("\u00e9" == "é", "\N{SNOWMAN}", "\U0001F600" == chr(0x1F600), "\x41\101\u0041")
print(repr("\t\n\r\x00\x7f\x80\u200b\ud7ff"), repr("é☃"), ascii("é☃𝄞"))
print(chr(0), repr(chr(0x10FFFF)), ord("\U0010FFFF"))
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in ["", "ab"]:
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(["b", "a", "é", "Z", "z", "€", "1"]), "é" > "z", "a" < "b" < "c")
print("straße".upper(), "ǈ".lower(), "Σ".lower(), "ΌΣΟΣ".lower())
print("é".encode("latin-1"), "abc".encode("ascii"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "backslashreplace"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b"\xff".decode("utf-8", "replace"), b"\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"))
print("𝄞"[0], len("𝄞"), "a𝄞b".index("b"), "a𝄞b"[::-1])
print("İ".lower(), len("İ".lower()), "ﬁ".upper())
print(str(b"abc"), str(b"abc", "ascii"), str(bytearray(b"x"), "utf-8"))
print("\x1b[0m".isprintable(), "\u00a0".isspace(), "\u3000".isspace())
