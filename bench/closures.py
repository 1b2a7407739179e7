"""Closures: counters and accumulators built from nested functions with
`nonlocal`, function composition, callbacks stored in lists and dicts,
lambdas capturing loop variables through default arguments, and decorators."""


def make_counter(step):
    count = 0

    def increment():
        nonlocal count
        count += step
        return count

    return increment


def compose(*functions):
    def composed(value):
        for function in reversed(functions):
            value = function(value)
        return value

    return composed


def memoize(function):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = function(n)
        return cache[n]

    return wrapper


def logged(counter):
    def decorator(function):
        def wrapper(*args, **kwargs):
            counter[0] += 1
            return function(*args, **kwargs)

        return wrapper

    return decorator


calls = [0]


@logged(calls)
def weighted(a, b, weight=2):
    return a + b * weight


def make_adders(n):
    return [lambda x, k=k: x + k for k in range(n)]


class EventBus:
    def __init__(self):
        self.handlers = {}

    def subscribe(self, name, handler):
        self.handlers.setdefault(name, []).append(handler)

    def publish(self, name, payload):
        return sum(handler(payload) for handler in self.handlers.get(name, ()))


def main():
    checksum = 0
    counters = [make_counter(step) for step in range(1, 11)]
    for _ in range(250_000):
        for counter in counters:
            checksum += counter() & 0xFF

    pipeline = compose(lambda x: x * 3, lambda x: x + 7, lambda x: x % 1009, abs)
    checksum += sum(pipeline(i - 50_000) for i in range(750_000))

    @memoize
    def compositions(n):
        """Ways to write n as an ordered sum of 1s and 5s, modulo a prime."""
        if n < 0:
            return 0
        if n == 0:
            return 1
        return (compositions(n - 1) + compositions(n - 5)) % 1_000_003

    checksum += sum(compositions(n) for n in range(3000))

    for i in range(500_000):
        checksum += weighted(i, 3) + weighted(i, 1, weight=5)
    checksum += calls[0]

    adders = make_adders(50)
    for x in range(20_000):
        checksum += sum(add(x) for add in adders[::7])

    bus = EventBus()
    totals = {"seen": 0}

    def on_tick(payload):
        totals["seen"] += 1
        return payload % 13

    bus.subscribe("tick", on_tick)
    bus.subscribe("tick", lambda payload: payload // 1000)
    bus.subscribe("tock", lambda payload: -payload)
    for t in range(500_000):
        checksum += bus.publish("tick" if t % 3 else "tock", t)
    checksum += totals["seen"]
    print(f"checksum: {checksum}")


main()
