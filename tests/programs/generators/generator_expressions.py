# Generator expressions: laziness, single use, scoping of first iterable.
gen = (x * x for x in range(5))
print(type(gen).__name__, next(gen), list(gen), list(gen))
print(sum(x for x in range(101)), max(len(w) for w in "a bb ccc".split()), any(c.isdigit() for c in "ab3"))
log = []
lazy = (log.append(x) or x for x in range(3))
print(log)
next(lazy)
print(log)
try:
    bad = (1 / x for x in [1, 0])
    print("created ok")
    list(bad)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    g2 = (x for x in 5)
except TypeError as e:
    print("first iterable evaluated eagerly:", type(e).__name__, e)
print(list((x, y) for x in range(3) for y in range(x)), list(x for x in range(10) if x % 2 if x % 3))
print(sorted((c for c in "hello"), reverse=True), "".join(c.upper() for c in "abc"), tuple(i for i in "xy"))
nested = ((i, (j for j in range(i))) for i in range(3))
print([(i, list(js)) for i, js in nested])
