# == and != across builtin types (identity fallback) and across subclasses
# (whose dunders must still run).
values = [0, 1, 2 ** 80, "1", "", (), (1,), [], [1], {}, {1: 2}, None, 1.0, True, False, 0.0, 1 + 0j]
for a in values:
    print(repr(a), [a == b for b in values], [a != b for b in values])

class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", repr(other))
        return True
    __hash__ = str.__hash__

class Quiet(list):
    pass

class Swallow:
    def __eq__(self, other):
        return "swallowed"
    def __ne__(self, other):
        return "not swallowed"

print(1 == Loud("x"), Loud("x") != 1, None == Loud("y"), [1] == Quiet([1]), Quiet() != [], (1,) == [1])
print(Swallow() == 3, 3 == Swallow(), "a" != Swallow(), None == Swallow())
mixed = [3, "3", None, (3,), [3], 3.0, "x"]
print([x for x in mixed if x != "x"], mixed.count(3), mixed.index(None), "3" in mixed, [3] in mixed)
