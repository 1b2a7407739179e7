# A generator suspended inside try/finally or with is closed when it is
# collected, so its cleanup runs (CPython closes it from its finalizer).
import gc


class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


def with_gen():
    with Ctx("w"):
        yield 1
        yield 2


def finally_gen(tag):
    try:
        yield tag
        yield tag
    finally:
        print("finally", tag)


def plain_gen():
    yield 1
    yield 2


def start(g):
    next(g)
    return g

g = start(with_gen())
del g
gc.collect()
print("after with")

def run():
    start(finally_gen("a"))
    start(finally_gen("b"))
run()
gc.collect()
print("after finally")

# Not started, finished, or suspended outside any try: nothing to run.
g1 = finally_gen("never")
g2 = start(finally_gen("done"))
for _ in g2:
    pass
g3 = start(plain_gen())
del g1, g2, g3
gc.collect()
print("nothing else")


def stubborn():
    try:
        yield 1
    finally:
        yield 2


def make_stubborn():
    start(stubborn())
make_stubborn()
gc.collect()
print("after stubborn")

# for ... break: the generator is closed at once.
for x in finally_gen("loop"):
    break
print("after break")


def first():
    for x in finally_gen("first"):
        return x
print(first())
gc.collect()
print("end")
