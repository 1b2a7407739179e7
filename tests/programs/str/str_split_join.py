# split, rsplit, splitlines, partition, rpartition, join.
cases = ["a,b,,c", ",a,", "", "  spaced   out words  ", "one", "a b\tc\nd\r\ne\x0bf\x0cg"]
for s in cases:
    print(repr(s), s.split(), s.split(","), s.split(",", 1), s.rsplit(",", 1), s.split(None, 1), s.rsplit(None, 1))
print("a||b||c".split("||"), "abc".split("abc"), "x".split("x"))
for s in ["line1\nline2\r\nline3\rline4", "trailing\n", "\n\n", "", "no newline", "a\x1cb\x1dc\u2028d\x85e"]:
    print(repr(s), s.splitlines(), s.splitlines(True))
for s in ["key=value=more", "novalue", "=start", "end="]:
    print(s.partition("="), s.rpartition("="))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "\n".join(["1", "2"]).split("\n"))
print("+".join(str(i) for i in range(5)))
try:
    "".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
print("a b c d".split(" ", -1), "a b c d".rsplit(" ", 2), "a  b".split(" "))
print("1,2,3".split(",", maxsplit=1), "1 2 3".rsplit(maxsplit=1))
