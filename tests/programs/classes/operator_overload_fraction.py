# A Fraction class with full operator support (no fractions module).
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac denominator is zero")
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x) if isinstance(x, int) else NotImplemented
    def __add__(self, o):
        o = Frac.of(o)
        return NotImplemented if o is NotImplemented else Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = Frac.of(o)
        return NotImplemented if o is NotImplemented else Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return Frac.of(o) - self
    def __mul__(self, o):
        o = Frac.of(o)
        return NotImplemented if o is NotImplemented else Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Frac.of(o)
        return NotImplemented if o is NotImplemented else Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        return Frac.of(o) / self
    def __pow__(self, k):
        return Frac(self.n ** k, self.d ** k) if k >= 0 else Frac(self.d ** -k, self.n ** -k)
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = Frac.of(o)
        return NotImplemented if o is NotImplemented else (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o):
        o = Frac.of(o)
        return self.n * o.d < o.n * self.d
    def __hash__(self):
        return hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else f"{self.n}"
h = Frac(1, 2)
t = Frac(1, 3)
print(h + t, h - t, h * t, h / t, t - h, 1 + h, 1 - h, 2 * t, 1 / t, h ** 3, t ** -2, -h)
print(h == Frac(2, 4), h == 0.5, h < t, sorted([h, t, Frac(0), Frac(-1, 7)]), float(t))
harmonic = sum(Frac(1, k) for k in range(1, 21))
print(harmonic, float(harmonic))
x = Frac(0)
for k in range(30):
    x = x + Frac(1, 2 ** k)
print(x)
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    h + 0.5
except TypeError as e:
    print(type(e).__name__, e)
