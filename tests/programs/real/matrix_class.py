# A Matrix class with exact rational arithmetic (ints as numerator/denominator pairs avoided: uses Frac).
class Frac:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        if d < 0:
            n, d = -n, -d
        a, b = abs(n), d
        while b:
            a, b = b, a % b
        g = a or 1
        self.n, self.d = n // g, d // g
    def __add__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __mul__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return self.n == o.n and self.d == o.d
    def __bool__(self):
        return self.n != 0
    def __repr__(self):
        return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and of equal length")
        self.rows = [[x if isinstance(x, Frac) else Frac(x) for x in r] for r in rows]
        self.shape = (len(rows), len(rows[0]))
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __add__(self, o):
        if self.shape != o.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {o.shape}")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])
    def __mul__(self, o):
        if isinstance(o, Matrix):
            if self.shape[1] != o.shape[0]:
                raise ValueError(f"cannot multiply {self.shape} by {o.shape}")
            cols = list(zip(*o.rows))
            return Matrix([[sum((a * b for a, b in zip(r, c)), Frac(0)) for c in cols] for r in self.rows])
        return Matrix([[a * o for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __pow__(self, k):
        result, base = Matrix.identity(self.shape[0]), self
        while k:
            if k & 1:
                result = result * base
            base = base * base
            k >>= 1
        return result
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])
    def determinant(self):
        n = self.shape[0]
        m = [r[:] for r in self.rows]
        det = Frac(1)
        for c in range(n):
            p = next((r for r in range(c, n) if m[r][c]), None)
            if p is None:
                return Frac(0)
            if p != c:
                m[c], m[p] = m[p], m[c]
                det = -det
            det = det * m[c][c]
            for r in range(c + 1, n):
                f = m[r][c] / m[c][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c])]
        return det
    def inverse(self):
        n = self.shape[0]
        m = [r[:] + Matrix.identity(n).rows[i] for i, r in enumerate(self.rows)]
        for c in range(n):
            p = next((r for r in range(c, n) if m[r][c]), None)
            if p is None:
                raise ValueError("matrix is singular")
            m[c], m[p] = m[p], m[c]
            piv = m[c][c]
            m[c] = [x / piv for x in m[c]]
            for r in range(n):
                if r != c and m[r][c]:
                    f = m[r][c]
                    m[r] = [a - f * b for a, b in zip(m[r], m[c])]
        return Matrix([r[n:] for r in m])
    def __repr__(self):
        width = max(len(repr(x)) for r in self.rows for x in r)
        return "\n".join("[" + " ".join(f"{x!r:>{width}}" for x in r) + "]" for r in self.rows)
a = Matrix([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
b = Matrix([[1, 2], [3, 4], [5, 6]])
print(a)
print(a * b)
print(a.transpose())
print("det", a.determinant(), "det(b^T b)", (b.transpose() * b).determinant())
inv = a.inverse()
print(inv)
print(a * inv == Matrix.identity(3), inv * a == Matrix.identity(3))
fib = Matrix([[1, 1], [1, 0]]) ** 90
print(fib[0, 1], fib[0, 0])
print((Matrix([[1, 1], [0, 1]]) ** 1000)[0, 1])
print(2 * Matrix.identity(2) + Matrix([[0, 1], [1, 0]]))
h = Matrix([[Frac(1, i + j + 1) for j in range(4)] for i in range(4)])
print(h.determinant())
print(h.inverse())
for bad in [lambda: Matrix([[1, 2], [2, 4]]).inverse(), lambda: a * a.transpose() + b, lambda: b * b, lambda: Matrix([[1], [1, 2]])]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
