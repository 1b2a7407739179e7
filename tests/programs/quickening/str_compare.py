# String comparisons quickened for exact strs, with jump fusion, and
# deoptimised for subclasses and other types.
def cmp(a, b):
    out = []
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a > b:
        out.append("gt")
    if a >= b:
        out.append("ge")
    return out, a == b, a < b

words = ["", "a", "ab", "b", "é", "z", "\u20ac", "\U0001f600", "A", "aa"]
for _ in range(3):
    for a in words:
        for b in words:
            cmp(a, b)
print([cmp(a, b) for a, b in [("a", "b"), ("b", "a"), ("é", "z"), ("\U0001f600", "\u20ac"), ("", ""), ("ab", "a")]])
s = "same"
print(cmp(s, s))
class Loud(str):
    def __eq__(self, other):
        return "custom"
    def __lt__(self, other):
        return True
    __hash__ = str.__hash__
print(cmp(Loud("x"), "y"), cmp("y", Loud("x")))
try:
    cmp("a", 1)
except TypeError as e:
    print("TypeError:", e)
print(cmp(1, 2), cmp("q", "q"))
