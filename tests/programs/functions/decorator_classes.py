# Class-based decorators and decorators on methods.
class CountCalls:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.f(*a, **k)
@CountCalls
def greet(name):
    return f"hello {name}"
print(greet("a"), greet("b"), greet.calls, type(greet).__name__)
def method_logger(f):
    def w(self, *a):
        print(f"{type(self).__name__}.{f.__name__}{a}")
        return f(self, *a)
    return w
class Account:
    def __init__(self):
        self.bal = 0
    @method_logger
    def deposit(self, n):
        self.bal += n
        return self.bal
acc = Account()
print(acc.deposit(10), acc.deposit(5))
def validate(*types):
    def deco(f):
        def w(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f"{f.__name__}: expected {t.__name__}, got {type(a).__name__}")
            return f(*args)
        return w
    return deco
@validate(int, str)
def rep(n, s):
    return s * n
print(rep(3, "ab"))
try:
    rep("3", "ab")
except TypeError as e:
    print(type(e).__name__, e)
