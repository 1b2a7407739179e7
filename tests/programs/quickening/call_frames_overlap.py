# Quickened calls run the callee's frame over the caller's argument slots:
# the callee may rebind, capture or delete its parameters, the caller's
# own locals and operands below the call must be untouched, and a getter
# or function whose defaults change after the site was quickened is bound
# generically.
import sys


def rebind(a, b):
    a = a * 10
    del b
    b = "new"
    return a, b


def capture(x, y=5):
    return lambda: x + y


def caller_view(n):
    return sorted(k for k in sys._getframe(1).f_locals if not k.startswith("_"))


def outer():
    keep = [1, 2]
    total = 0
    for i in range(30):
        # Operands below the call (keep, total) stay in place.
        total += len(keep) + rebind(i, i)[0] + capture(i)()
    return keep, total, caller_view(0)


for _ in range(3):
    print(outer())


class Box:
    def __init__(self, value, scale=2):
        self.value = value * scale

    @property
    def double(self):
        return self.value * 2


def read(boxes):
    return [b.double for b in boxes]


boxes = [Box(i) for i in range(20)]
print(read(boxes))
Box.double.fget.__defaults__ = (100,)
print(read(boxes[:3]))


def get(obj, extra=1):
    return obj.value + extra


p = property(get)
Box.viaget = p
print([b.viaget for b in boxes[:25]])
get.__defaults__ = ()
try:
    print(boxes[0].viaget)
except TypeError as e:
    print("TypeError", e)
get.__defaults__ = (7,)
print(boxes[1].viaget)


def f(a, b=2, c=3):
    return a + b + c


def call_f(n):
    return [f(i) for i in range(n)]


print(call_f(40)[-3:])
f.__defaults__ = (20,)
try:
    call_f(3)
except TypeError as e:
    print("TypeError", e)
f.__defaults__ = (20, 30, 40)
print(call_f(3))


def deep(n):
    return deep(n + 1) if n < 10**6 else n


try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)
print(deep(10**6 - 5))
