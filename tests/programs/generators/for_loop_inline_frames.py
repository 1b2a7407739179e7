# A `for` over a plain generator runs the generator's frame in the same
# interpreter loop: yields, returns, exceptions, handled-exception state,
# recursion through one loop site, and leaving the loop early must all
# behave as with a nested resume.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def walk(tree):
    if isinstance(tree, list):
        for child in tree:
            for leaf in walk(child):
                yield leaf
    else:
        yield tree


def stop_inside():
    yield 1
    raise StopIteration("inner")


def fails(n):
    for i in count(n):
        if i == 3:
            raise KeyError(i)
        yield i


def exc_info_inside():
    yield sys.exc_info()[0]
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


def finally_runs(log):
    try:
        for i in count(10):
            yield i
    finally:
        log.append("finally")


total = 0
for _ in range(60):
    for x in count(100):
        total += x
print(total)
print(list(walk([1, [2, [3, 4], [[5]]], 6, [[7, [8, [9]]]]])))

for attempt in range(40):
    try:
        for x in stop_inside():
            pass
    except RuntimeError as e:
        if attempt == 39:
            print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)

for attempt in range(40):
    got = []
    try:
        for x in fails(10):
            got.append(x)
    except KeyError as e:
        if attempt == 39:
            print("KeyError", e, got)
            tb, where = e.__traceback__, []
            while tb is not None:
                where.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
                tb = tb.tb_next
            print(where)

try:
    raise TypeError("outer")
except TypeError:
    for _ in range(40):
        seen = [t.__name__ if t else None for t in exc_info_inside()]
    print(seen, sys.exc_info()[0].__name__)
print(sys.exc_info())

log = []
for _ in range(40):
    g = finally_runs(log)
    for x in g:
        if x == 2:
            break
    print(next(g), end=" ") if _ == 39 else next(g)
    g.close()
print(log.count("finally"))

def reentrant():
    yield 1
    for x in gen:
        yield x

gen = reentrant()
try:
    for _ in range(3):
        for x in gen:
            pass
except ValueError as e:
    print("ValueError", e)

exhausted = count(3)
print(list(exhausted), [x for x in exhausted], next(exhausted, "empty"))
g = count(5)
for x in g:
    if x == 1:
        break
print(list(g))

# The same through a nested resume (list() drives the generator from Rust).
try:
    raise TypeError("outer")
except TypeError:
    print([t.__name__ if t else None for t in list(exc_info_inside())])
g = exc_info_inside()
next(g)
print(next(g).__name__, sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    print(next(g).__name__, sys.exc_info()[0].__name__)
