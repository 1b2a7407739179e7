# Exceptions crossing generator boundaries.
def gen():
    yield 1
    raise ValueError("from generator")
try:
    for x in gen():
        print("got", x)
except ValueError as e:
    print(type(e).__name__, e)
def stops():
    yield 1
    return "done"
g = stops()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def leaks_stop():
    yield 1
    raise StopIteration("inside")
try:
    list(leaks_stop())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))
def catcher():
    while True:
        try:
            x = yield
            print("received", x)
        except KeyError as e:
            print("generator caught", repr(e))
c = catcher()
next(c)
c.send(1)
c.throw(KeyError("thrown"))
c.send(2)
try:
    c.throw(ValueError("not caught"))
except ValueError as e:
    print("propagated", repr(e))
try:
    c.send(3)
except StopIteration:
    print("generator is finished")
