# Comprehension variables do not leak; class scope; closures in comprehensions.
x = "outer"
print([x for x in range(3)], x)
i = 10
_ = [i for i in range(3)]
print(i)
y = 5
print([y + k for k in range(3)])
fs = [lambda: k for k in range(3)]
print([f() for f in fs])
gs = [(lambda k=k: k) for k in range(3)]
print([g() for g in gs])
class C:
    base = 10
    items = [1, 2, 3]
    doubled = [v * 2 for v in items]
    try:
        shifted = [v + base for v in items]
    except NameError as e:
        shifted = f"NameError: {e}"
print(C.doubled, C.shifted)
def f():
    n = 3
    return [n * j for j in range(n)]
print(f())
def g():
    total = 0
    vals = [total := total + v for v in range(5)]
    return vals, total
print(g())
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)
print([[a for a in range(b)] for b in range(4)])
