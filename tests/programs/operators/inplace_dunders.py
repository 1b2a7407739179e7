# In-place operators prefer __iadd__ etc., falling back to binary ops.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("  __iadd__")
        self.v += o
        return self
    def __add__(self, o):
        print("  __add__")
        return Acc(self.v + o)
    def __isub__(self, o):
        print("  __isub__ -> NotImplemented")
        return NotImplemented
    def __sub__(self, o):
        print("  __sub__")
        return Acc(self.v - o)
    def __imul__(self, o):
        print("  __imul__ returns other object")
        return "replaced"
a = Acc(1)
b = a
a += 5
print(a.v, a is b)
a -= 2
print(a.v, a is b)
a *= 3
print(a)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 1
print(x.v, y.v, x is y)
for op in ["@=", "//=", "**=", "<<=", ">>=", "&=", "|=", "^=", "%=", "/="]:
    class C:
        pass
    c = C()
    try:
        exec(f"c {op} 1")
    except TypeError as e:
        print(op, type(e).__name__, e)
