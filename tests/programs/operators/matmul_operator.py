# The @ operator with a user matrix type.
class M:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, o):
        return M([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __imatmul__(self, o):
        self.rows = (self @ o).rows
        return self
    def __repr__(self):
        return f"M({self.rows})"
a = M([[1, 2], [3, 4]])
b = M([[0, 1], [1, 0]])
print(a @ b, b @ a, a @ a @ a)
c = a
c @= b
print(c, a, c is a)
try:
    a @ 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    5 @ a
except TypeError as e:
    print(type(e).__name__, e)
