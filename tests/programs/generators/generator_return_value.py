# Return values from generators via StopIteration.value and yield from.
def averager():
    total, count = 0, 0
    while True:
        v = yield
        if v is None:
            break
        total += v
        count += 1
    return total / count if count else None
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, values in {"a": [1, 2, 3], "b": [10, 20], "c": []}.items():
    g = grouper(results, key)
    next(g)
    for v in values:
        g.send(v)
    g.send(None)
print(results)
def simple():
    yield 1
    return [1, 2]
g = simple()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)
def returns_none():
    yield
x = returns_none()
next(x)
try:
    next(x)
except StopIteration as e:
    print(e.value, e.args)
