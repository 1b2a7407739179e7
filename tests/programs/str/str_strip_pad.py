# strip, ljust/rjust/center, zfill, expandtabs, removeprefix/removesuffix.
for s in ["  hi  ", "\t\nhi\r\n ", "xxhixx", "", "   "]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip(" xh")))
for s in ["abc", "", "toolongstring"]:
    for w in [0, 5, 10]:
        print(repr(s.ljust(w)), repr(s.rjust(w, "*")), repr(s.center(w)), repr(s.center(w, "-")))
print("ab".center(5), "ab".center(6), "abc".center(6), "abc".center(5, "."))
for s in ["42", "-42", "+42", "", "abc", "-", "3.5"]:
    print(repr(s.zfill(6)), repr(s.zfill(1)))
print(repr("a\tb\tc".expandtabs()), repr("a\tbb\tccc\t".expandtabs(4)), repr("\t".expandtabs(0)), repr("x\ny\tz".expandtabs(2)))
print("prefix_body".removeprefix("prefix_"), "prefix_body".removeprefix("nope"), "body.txt".removesuffix(".txt"), "a".removesuffix(""))
try:
    "a".ljust(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".strip(5)
except TypeError as e:
    print(type(e).__name__, e)
