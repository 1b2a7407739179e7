import os, sys as system
from .pkg import a as b, c
from x.y import *
"""doc"""
x: int = 5
class C(Base, metaclass=M):
    "cdoc"
    attr: int
    def m(self, *args, k=2, **kw):
        super().m(*args, **kw)
        return __class__
    @property
    def p(self): return self.__x
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    return inner
def gen(n):
    yield n
    x = yield from range(n)
    return x
async def co(a):
    r = await a
    async for i in a:
        pass
    return [j async for j in a]
g = lambda a, b=2: a + b
f"{x!r:>{w}} and {y=}"
print(*a, *b, sep="", **kw)
d = {1: 2, **e, 3: 4}
s = {1, 2, 3}
l = [1, 2, 3]
t = a, *b
a, *b, c = t
x[1:2] += 3
o.at -= 1
del x[0], o.at
assert x > 0, "msg"
if 1 < x < 3 and not y: z = x if y else w
while x:
    x -= 1
    if x == 5: continue
else:
    pass
global_var = [i * j for i in range(3) for j in range(i) if j]
try:
    pass
except* ValueError as e:
    pass
k = x in [1, 2] or x not in {3, 4}
