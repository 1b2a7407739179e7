# __call__ on instances and metaclass-level call; callable().
class Poly:
    def __init__(self, *coef):
        self.coef = coef
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coef))
p = Poly(1, 2, 3)
print([p(x) for x in range(5)], callable(p), callable(Poly), list(map(p, [10])))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, *args, **kwargs):
        self.n += 1
        return self.n, args, kwargs
c = Counter()
print(c(), c(1), c(x=2), c.n)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
class CallAttr:
    pass
o = CallAttr()
o.__call__ = lambda: "instance attribute is ignored"
try:
    o()
except TypeError as e:
    print(type(e).__name__, e)
print(callable(o))
class Chain:
    def __init__(self, path=()):
        self.path = path
    def __getattr__(self, name):
        return Chain(self.path + (name,))
    def __call__(self, *args):
        return f"{'.'.join(self.path)}{args}"
print(Chain().api.users.get(5), Chain().x())
