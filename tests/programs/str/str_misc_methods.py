# Remaining methods: count with ranges, format_map, isidentifier, zfill, join on various iterables.
print("-".join({"b": 1, "a": 2}), "".join(map(str, range(10))), "|".join(("x",)))
print("a{0}b".format_map({}) if False else "ok", "{x}".format_map({"x": "mapped"}))
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{a} {b}".format_map(Default(a=1)))
print("abcabc".count("bc", 2), "abcabc".count("bc", 2, 4), "abcabc".count("bc", -3))
print("Hello".ljust(3), "x".center(4, "ab"[0]), "123".isdigit() and "123".isnumeric())
print("%s" % "str".upper().lower().title().swapcase())
print("one two".split(" ", 0), "a,b".split(",", 0))
print(str.join(",", ["a", "b"]), str.upper("abc"), str.split("a b"))
lines = "name,age\nann,30\nbob,25\n"
rows = [line.split(",") for line in lines.strip().splitlines()]
header, *data = rows
print(header, data)
for row in data:
    print(dict(zip(header, row)))
print("x".join("abc"), "ab".join(["", ""]), repr("".join([""])))
print("\t".isspace(), "abc".isidentifier(), "é".isidentifier(), "a-b".isidentifier())
print("abc".index("c", -1), "aXbXc".rsplit("X", 1), "a.b.c".rpartition("."))
print("test".startswith("te", 0, 2), "test".endswith("st", 2), "TeSt".casefold())
