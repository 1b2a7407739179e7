# Lambdas: defaults, closures, immediate calls, in data structures.
sq = lambda x: x * x
print(sq(5), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, x=2), (lambda a, b=3: a + b)(1))
print(sq.__name__, (lambda: 0).__name__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x, y: x * y, [1, 2], [3, 4])))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
Y = lambda f: (lambda x: x(x))(lambda x: f(lambda v: x(x)(v)))
fact = Y(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))
print(fact(10))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
print((lambda x: (lambda y: x + y))(10)(5), [(lambda i=i: i * 10)() for i in range(3)])
