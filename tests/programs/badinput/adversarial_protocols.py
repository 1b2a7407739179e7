# Protocol methods that misbehave: mutation during lookups and sorts, bad hashes and lengths.
import sys
class Evil:
    def __eq__(self, o):
        d.clear()
        return False
    def __hash__(self): return 1
d = {Evil(): 1, 2: 2}
try:
    print(Evil() in d)
except Exception as e: print(type(e).__name__, e)
l = [3, 1, 2]
def key(x):
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e: print("ValueError", e)
class BadHash:
    def __hash__(self): return "x"
try: {BadHash()}
except TypeError as e: print("TypeError", e)
class BigLen:
    def __len__(self): return 2**70
try: len(BigLen())
except OverflowError as e: print("OverflowError", e)
class A: pass
class B: pass
a = A(); a.__class__ = B; print(type(a).__name__)
try: (1).__class__ = B
except TypeError as e: print("TypeError", e)
class S(str): pass
s = S("hi"); s.extra = 5; print(s, s.extra, s.upper(), len(s))
class I(int): pass
print(I(5) + 1, type(I(5) + 1).__name__)
sys.setrecursionlimit(20000)
def deep(n): return 0 if n == 0 else deep(n - 1) + 1
print(deep(15000))
it = iter([1, 2, 3])
for x in it:
    if x == 1: next(it)
    print(x)
g = (i for i in range(3))
print(list(g), list(g))
def gen():
    yield from gen2()
def gen2():
    x = yield 1
    print("got", x)
    return 5
gg = gen(); print(next(gg)); 
try: gg.send("v")
except StopIteration as e: print("stop", e.value)
try:
    del __builtins__.len
    len([])
except NameError as e: print("NameError", e)
