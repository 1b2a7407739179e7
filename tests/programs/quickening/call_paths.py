# Calls that stay in the interpreter loop: bound methods unpacked into
# (function, self), and f(*args, **kwargs) of Python functions.
import sys

class A:
    def __init__(self, v):
        self.v = v
    def get(self, k=1, *rest, **kw):
        return (self.v, k, rest, sorted(kw.items()))
    def depth(self):
        return sys._getframe(1).f_code.co_name

a = A(5)
m = a.get
for _ in range(30):
    m()
    m(2)
print(m(), m(3), m(3, 4, x=1), m(k=9))
f = a.depth
def caller():
    return f()
print(caller())

def fwd(*args, **kwargs):
    return target(*args, **kwargs)
def target(a, b=2, *, c=3):
    return (a, b, c)
for i in range(30):
    fwd(i)
print(fwd(1), fwd(1, 2), fwd(1, c=5), fwd(*[7], **{"b": 8}))
for bad in [(), (1, 2, 3), ]:
    try:
        fwd(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    fwd(1, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    m(1, k=2)
except TypeError as e:
    print("TypeError:", e)
try:
    A.get()
except TypeError as e:
    print("TypeError:", e)

def gen(*args):
    yield from args
def via_ex(*a):
    return gen(*a)
print(list(via_ex(1, 2, 3)))

def deep(n):
    if n == 0:
        return 0
    return deep(*(n - 1,)) + 1
print(deep(500))
def forever(*a):
    return forever(*a)
try:
    forever(1)
except RecursionError as e:
    print("RecursionError:", e)

class B:
    def boom(self, x):
        raise ValueError(x)
b = B()
def run(*a, **k):
    return b.boom(*a, **k)
try:
    run(x="tb")
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ValueError:", e, names)
bm = b.boom
try:
    bm("direct")
except ValueError as e:
    print("ValueError:", e)
print(fwd.__name__, m.__self__ is a, m.__func__ is A.get)
