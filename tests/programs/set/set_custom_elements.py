# Sets of user-defined objects.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
s = {P(1, 2), P(1, 2), P(2, 1)}
print(len(s), P(1, 2) in s, P(3, 3) in s, sorted(s, key=lambda p: (p.x, p.y)))
s.discard(P(2, 1))
print(s)
class Plain:
    pass
a, b = Plain(), Plain()
ps = {a, b, a}
print(len(ps), a in ps)
class Unh:
    def __eq__(self, o):
        return True
try:
    {Unh()}
except TypeError as e:
    print(type(e).__name__, e)
print(1 in {1.0}, 1.0 in {True}, {1, True, 1.0})
