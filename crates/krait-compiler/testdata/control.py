def f1(x):
    for i in x:
        try:
            if i: continue
            if not i: break
            return i
        finally:
            print(i)
    while True:
        with x as y:
            if y: return y
            break
    try:
        pass
    except (A, B):
        raise
    except C as e:
        raise X from e
    else:
        x = 1
    return -1
@dec1
@dec2(arg)
def f2(a, /, b, *c, d, e=3, **f) -> int:
    "doc"
    global g
    g = a
    del a
    return (a, b) if c else {**f}
class K:
    def __init__(self):
        self.__p = 1
    def __repr__(self): return f"K({self.__p!r})"
    x = [i for i in range(3)]
    @staticmethod
    def s(): return __class__
def f3():
    x = 1
    class Inner:
        y = x
        def m(self): return x
    return Inner
def f4(*, a: int = 1, b: "str"): pass
i = j = k = 0
a[b], c.d = 1, 2
x, y = y, x
print(a if b else c, *[1, 2], end='')
