# TypeError messages for wrong calls.
num, text = 5, "s"
def f(a, b):
    pass
def g(a, b=1, *, c):
    pass
def h(*, k):
    pass
def v(a, *args):
    pass
cases = [lambda: f(), lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, b=2, a=3), lambda: f(1, 2, c=3),
         lambda: g(1), lambda: g(1, 2, 3), lambda: h(1), lambda: h(j=1), lambda: v(), lambda: (lambda: 0)(1),
         lambda: f(b=1), lambda: len(), lambda: len(1, 2), lambda: num(), lambda: text(), lambda: f(*[1], *[2, 3])]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
class K:
    def m(self, x):
        pass
    @staticmethod
    def s(x):
        pass
for c in [lambda: K().m(), lambda: K().m(1, 2), lambda: K.m(1), lambda: K.s(), lambda: K(1)]:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
