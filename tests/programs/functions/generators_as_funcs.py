# Functions returning functions and generators; callable objects as functions.
def make_multiplier(n):
    def mul(x):
        return x * n
    mul.__name__ = f"times{n}"
    return mul
m3 = make_multiplier(3)
print(m3(7), m3.__name__, [make_multiplier(i)(2) for i in range(5)])
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(1), list(map(add5, [1, 2, 3])), callable(add5), callable(Adder), callable(5))
def evens():
    n = 0
    while True:
        yield n
        n += 2
g = evens()
print([next(g) for _ in range(5)], type(g).__name__, evens.__name__)
