# `yield from` and `await` run the sub-generator's frame in the delegating
# generator's interpreter loop: values, send(), return values, throw(),
# close(), exceptions and deep delegation chains.


def leaf(n):
    received = []
    for i in range(n):
        got = yield i
        if got is not None:
            received.append(got)
    return ("leaf", n, received)


def middle(n):
    result = yield from leaf(n)
    again = yield from leaf(1)
    return result, again


def chain(depth):
    if depth == 0:
        yield "bottom"
        return 0
    value = yield from chain(depth - 1)
    yield depth
    return value + depth


class Tree:
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(low, high):
    if low > high:
        return None
    mid = (low + high) // 2
    return Tree(mid, build(low, mid - 1), build(mid + 1, high))


for _ in range(30):
    items = list(middle(3))
print(items)
g = middle(3)
print(next(g), g.send("a"), g.send("b"), next(g))
try:
    g.send("c")
except StopIteration as e:
    print("returned", e.value)

for _ in range(30):
    out = list(chain(20))
print(out[:4], len(out))
g = chain(5)
collected = []
try:
    while True:
        collected.append(next(g))
except StopIteration as e:
    print(collected, e.value)

tree = build(1, 300)
for _ in range(20):
    total = sum(v for v in tree if v % 3 == 0)
print(total, list(build(1, 7)))


def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("guarded finally")


def outer():
    try:
        result = yield from guarded()
        yield ("after", result)
    except KeyError as e:
        yield f"outer caught {e!r}"


g = outer()
print(next(g), g.throw(ValueError("v")), next(g))
g = outer()
print(next(g), g.throw(KeyError("k")))
g = outer()
next(g)
g.close()
print("closed")


def raises_inside():
    yield 1
    raise StopIteration("leak")


def delegates():
    yield from raises_inside()


for attempt in range(30):
    try:
        list(delegates())
    except RuntimeError as e:
        if attempt == 29:
            print(type(e).__name__, e, repr(e.__cause__))


def bad_sub():
    yield 1
    1 / 0


def handles():
    try:
        yield from bad_sub()
    except ZeroDivisionError as e:
        yield "handled " + type(e).__name__


for _ in range(30):
    res = list(handles())
print(res)


class Tick:
    """An awaitable that suspends the whole coroutine chain once."""

    def __await__(self):
        value = yield "tick"
        return value


async def leaf_coro(i):
    got = await Tick()
    return i * 2 + got


async def mid_coro(n):
    total = 0
    for i in range(n):
        total += await leaf_coro(i)
    return total


def run(coro):
    ticks = 0
    try:
        signal = coro.send(None)
        while True:
            assert signal == "tick"
            ticks += 1
            signal = coro.send(ticks)
    except StopIteration as e:
        return e.value, ticks


print(run(mid_coro(10)), run(mid_coro(40)))


def reuse():
    sub = leaf(2)
    yield from sub
    yield from sub
    yield "reused"


print(list(reuse()))
