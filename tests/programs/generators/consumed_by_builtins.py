# Builtins that consume a generator (sum, list, tuple, str.join, sorted, ...)
# drive it without leaving its frame between items: errors from the consumer
# leave the generator suspended where it yielded, errors from the generator
# propagate as from next(), and the handled exception each side sees is its own.
import sys


def numbers(n, bad_at=None):
    for i in range(n):
        if i == bad_at:
            yield "oops"
        else:
            yield i


print(sum(numbers(10)), sum(x * 0.5 for x in range(10)), sum((x for x in [1, 2.5, 3]), 10))
print(sum([[1], [2]] for _ in range(1)) if False else sum(([i] for i in range(3)), []))
print(sum(x for x in [2 ** 62, 2 ** 62, 1]), sum(x for x in [1.5, 2 ** 70, 1]))

g = numbers(10, bad_at=4)
try:
    sum(g)
except TypeError as e:
    print("TypeError", e)
print("resumes after", next(g), list(g))


def failing():
    yield 1
    yield 2
    raise KeyError("inside")


try:
    list(failing())
except KeyError as e:
    print("KeyError", e)


def stop_leak():
    yield 1
    raise StopIteration


try:
    tuple(stop_leak())
except RuntimeError as e:
    print("RuntimeError", e)


class Loud:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return other + self.v * 100 + (1000 if sys.exc_info()[0] else 0)


def in_handler():
    try:
        raise ValueError("gen")
    except ValueError:
        yield Loud(1)
        yield Loud(2)


print(sum(in_handler()))
try:
    raise OSError("caller")
except OSError:
    print(sum(in_handler()), sys.exc_info()[0].__name__)


def with_finally(log):
    try:
        for i in range(5):
            yield str(i)
    finally:
        log.append("finally")


log = []
print("-".join(with_finally(log)), log)
print(sorted(x % 7 for x in range(20)), set(x % 3 for x in range(10)), min(x for x in [5, 3, 8]))
print(list(list(range(i)) for i in range(4)), tuple(c.upper() for c in "abc"))


def nested(n):
    if n:
        yield sum(nested(n - 1)) + n
    else:
        yield 0


print(list(nested(30)), [sum(range(i)) for i in range(5)])


def counted(n, log):
    for i in range(n):
        log.append(i)
        yield i


log = []
gen = counted(10, log)
print(any(x > 3 for x in gen), len(log), next(gen), all(x < 100 for x in gen), len(log))
print(all(x < 7 for x in counted(10, [])), any(counted(0, [])), all(x for x in [1, 0, 2]))
