# Conditional expressions, unary ops, operator-ish builtins.
for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos", abs(n), -n, +n, ~n, n and 10 // n)
vals = [3, "a", None, 0.0, [1]]
print([type(v).__name__ if v else "falsy" for v in vals])
def sign(x):
    return (x > 0) - (x < 0)
print([sign(x) for x in (-5, 0, 5, -0.0, 2.5)])
x = 7
print(x if x % 2 else -x, (lambda: "a" if x > 5 else "b")(), [i if i % 2 else -i for i in range(6)])
print(divmod(17, 5), pow(2, 5), pow(2, 5, 3), abs(-3 + 4j), round(-2.5), max(1, 2, key=lambda v: -v))
