# Subclassing str.
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
    def shout(self):
        return self + "!"
u = Upper("hello")
print(u, repr(u), type(u).__name__, u.shout(), type(u.shout()).__name__, u.lower(), type(u.lower()).__name__)
print(isinstance(u, str), u == "HELLO", hash(u) == hash("HELLO"), len(u), u[1:3], type(u[1:3]).__name__)
class Tagged(str):
    tag = "t"
    def __repr__(self):
        return f"Tagged({str.__repr__(self)})"
t = Tagged("abc")
print(t, repr(t), [t], f"{t}", f"{t!r}", "%s|%r" % (t, t), t + "d", "x" + t)
d = {t: 1}
print(d["abc"], "abc" in d, t.tag)
class CI(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    def __hash__(self):
        return hash(self.lower())
print(CI("Hello") == "HELLO", "HELLO" == CI("Hello"), CI("a") != "A")
print(sorted([Upper("b"), "a", Upper("c")]))
print(str(Upper("x")), type(str(Upper("x"))).__name__)
