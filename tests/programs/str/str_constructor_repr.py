# str() and repr() of many kinds of values; quoting choices.
for v in ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\t", "\n", "\x07", "\u0085", "\xa0", "é", "\U0001F600", ""]:
    print(repr(v), str(v) == v, len(repr(v)))
print(str(), str(123), str(-1.5), str([1, "a"]), str((1,)), str({"a": 1}), str({1}), str(None), str(str))
print(repr([1, "a", 2.0]), repr(("x",)), repr({"k": [None]}), repr(set()), repr(frozenset()), repr(()))
print(str(b"hi"), repr(b"it's"), repr(b'"'), repr(b"\x00\xff"), repr(bytearray(b"a")))
print(str(range(3)), repr(range(1, 10, 2)), repr(slice(1, None)), repr(Ellipsis))
class A:
    def __repr__(self):
        return "A!"
class B:
    def __str__(self):
        return "B-str"
    def __repr__(self):
        return "B-repr"
print(str(A()), repr(A()), str(B()), repr(B()), [A(), B()], (B(),), {"b": B()})
class Bad:
    def __str__(self):
        return 42
try:
    str(Bad())
except TypeError as e:
    print(type(e).__name__, e)
print(str(object=5) if False else str(5), str(b"\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"))
try:
    str(5, "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
