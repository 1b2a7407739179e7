# float methods: hex, fromhex, is_integer, as_integer_ratio, subclassing.
for v in [0.5, 1.0, 3.75, -0.1, 1e10, 2.0 ** -1074, 1.7976931348623157e308]:
    print(v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio(), v.is_integer())
for h in ["0x1p0", "0X1.0P+1", "  0x.8p1  ", "-0x1.fffffffffffffp1023", "inf", "-nan", "0x1p-1075", "0x1p-1074"]:
    print(h, float.fromhex(h))
for bad in ["0x1p10000", "1.5", "0xg"]:
    try:
        print(float.fromhex(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class Celsius(float):
    def __repr__(self):
        return f"Celsius({float(self)!r})"
    def to_f(self):
        return self * 9 / 5 + 32
c = Celsius(100)
print(c, repr(c), c.to_f(), type(c.to_f()).__name__, c + 1, isinstance(c, float))
print(float.__name__, float(Celsius(2.5)), type(float(Celsius(2.5))).__name__)
class F:
    def __float__(self):
        return 2.75
print(float(F()))
class Bad:
    def __float__(self):
        return "x"
try:
    float(Bad())
except TypeError as e:
    print(type(e).__name__, e)
class IdxOnly:
    def __index__(self):
        return 4
print(float(IdxOnly()))
print(float("1" * 30), float("0." + "0" * 20 + "1"))
print(float("1e-400"), float("1e400"), float("-1e400"))
