# __index__ is used by slicing, hex(), range(), bin(), operator positions.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(-1)], lst[Idx(2):Idx(8):Idx(2)])
print(hex(Idx(255)), oct(Idx(8)), bin(Idx(5)))
print(list(range(Idx(5))), range(Idx(1), Idx(10), Idx(3))[Idx(1)])
print("ab" * Idx(3), [0] * Idx(2), bytes(Idx(3)))
print(int(Idx(9)), operator_like := Idx(4).__index__())
try:
    lst[Idx("x")]
except TypeError as e:
    print(type(e).__name__, e)
class NoIdx:
    pass
for f in (lambda: lst[NoIdx()], lambda: hex(NoIdx()), lambda: range(NoIdx()), lambda: "a" * NoIdx()):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(pow(2, Idx(10).__index__()), Idx(7).__index__() % 4)
print(round(2.5), round(3.5), round(-2.5), round(7), type(round(2.5)).__name__)
