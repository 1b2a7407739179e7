# send(), throw(), close() and GeneratorExit.
def accumulator():
    total = 0
    try:
        while True:
            v = yield total
            if v is None:
                continue
            total += v
    except GeneratorExit:
        print("  closing with total", total)
        raise
    finally:
        print("  finally")
a = accumulator()
print(next(a), a.send(5), a.send(10), next(a), a.send(-3))
a.close()
a.close()
print("closed twice fine")
try:
    a.send(1)
except StopIteration:
    print("send after close: StopIteration")
g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
def resists():
    try:
        yield 1
    except GeneratorExit:
        yield "not allowed"
r = resists()
next(r)
try:
    r.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def thrower():
    try:
        yield 1
    except KeyError as e:
        print("  handled", repr(e))
        yield 2
    yield 3
t = thrower()
print(next(t), t.throw(KeyError("k")), next(t))
try:
    t.throw(IndexError("unhandled"))
except IndexError as e:
    print("propagated", repr(e))
print(list(t))
fresh = thrower()
try:
    fresh.throw(ValueError("before start"))
except ValueError as e:
    print("throw into unstarted:", e)
print(next(fresh, "done"))
def ret():
    yield 1
    return "value"
x = ret()
next(x)
try:
    x.throw(StopIteration)
except RuntimeError as e:
    print(type(e).__name__, e)
