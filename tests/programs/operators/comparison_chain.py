# Chained comparisons evaluate each operand once and short-circuit.
def v(x, log):
    log.append(x)
    return x
for a, b, c in [(1, 2, 3), (1, 3, 2), (3, 2, 1), (2, 2, 2)]:
    log = []
    r = v(a, log) < v(b, log) < v(c, log)
    print(a, b, c, r, log)
    log = []
    r = v(a, log) <= v(b, log) != v(c, log) > 0
    print(" ", r, log)
print(1 < 2 < 3 < 4 < 5, 1 < 2 > 3 < 4, 1 == 1.0 == True, "a" < "b" < "c" > "a")
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 != 6, 1 in [1] not in [[2]], None is None is not False)
class Noisy:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"  {self.v} < {o.v}")
        return self.v < o.v
print(Noisy(1) < Noisy(2) < Noisy(0) < Noisy(5))
print(Noisy(3) < Noisy(2) < Noisy(1))
