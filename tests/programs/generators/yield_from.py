# yield from: delegation, return values, send/throw forwarding.
def inner():
    a = yield "i1"
    print("  inner got", a)
    b = yield "i2"
    print("  inner got", b)
    return f"inner result ({a}, {b})"
def outer():
    r = yield from inner()
    print("  outer got return:", r)
    yield "o1"
    return "outer done"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration:", e.value)
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(3), (x * 2 for x in [5]))))
def catching_inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("  inner caught", e)
        yield "recovered"
def delegate():
    yield from catching_inner()
    yield "after"
d = delegate()
print(next(d), d.throw(ValueError("boom")), next(d))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def gen_return():
    yield from []
    return 5
def wrapper():
    x = yield from gen_return()
    yield x
print(list(wrapper()))
