# bytes methods mirroring str.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.upper(), b.lower(), b.swapcase(), b.title(), b.strip().capitalize())
print(b.split(), b.split(b","), b.strip().split(b", "), b"a,b,,c".split(b",", 1), b"a b c".rsplit(None, 1))
print(b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.index(b"W"), b.startswith(b"  H"), b.endswith((b"x", b"  ")))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 1), b"-".join([b"a", b"b"]), b"".join([]))
print(b"abc".center(9, b"*"), b"abc".ljust(6), b"abc".rjust(6, b"0"), b"42".zfill(5), b"-42".zfill(5))
print(b"key=val".partition(b"="), b"a.b.c".rpartition(b"."), b"line1\nline2\r\n".splitlines(), b"x\ny".splitlines(True))
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b"  ".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"a\tb".expandtabs(4), b"prefix-x".removeprefix(b"prefix-"), b"x.bin".removesuffix(b".bin"))
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"hello".translate(None, b"l"))
print(b"%b" % b"raw", b"%r" % b"q", b"%a" % "é")
try:
    b"a".split(b"")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"abc".find("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"-".join(["a"])
except TypeError as e:
    print(type(e).__name__, e)
print(b"abc".find(98), b"abc".count(99), b"abc".index(97))
print(b"Hello".startswith(b"He", 0, 3), b"aaa".count(b"a", 1), bytes.maketrans(b"a", b"b")[97])
