# divmod, pow, round.
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(10 ** 20, 7), divmod(True, 2))
print(pow(2, 10), pow(2, -1), pow(2, 0.5), pow(-8, 1 / 3).real > 0, pow(3, 4, 5), pow(3, -1, 7), pow(2, 3, -5), pow(0, 0))
print(pow(base=2, exp=5), pow(2, exp=3, mod=3))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(0.5, None), round(7), round(7.0), round(-7.45, 1))
for bad in [lambda: divmod(1, 0), lambda: divmod("a", 1), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 4), lambda: round("1"), lambda: round(1.5, 1.5), lambda: pow(2, -1, 4)]:
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
