# repr, str, ascii on many values.
vals = ["plain", "quote'", 'dq"', "both'\"", "é", "\n\t", "\x00", "\U0001F600", 1, 1.5, None, True, [1, "é"], ("x",), {"é": "ü"}, b"\xe9", 1j, ..., range(2)]
for v in vals:
    print(repr(v), str(v), ascii(v))
print(str(), repr(""), ascii(""))
class Both:
    def __repr__(self):
        return "Both<é>"
print(ascii(Both()), repr(Both()), str(Both()))
