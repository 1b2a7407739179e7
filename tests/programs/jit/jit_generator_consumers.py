# Generator expressions consumed by builtins (sum, max, any, list, join):
# their loops are compiled with the yield handing each value to the
# consumer; a consumer that stops, raises or runs Python code makes the
# compiled loop leave at the yield.


def entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(vector):
    n = len(vector)
    return [sum(entry(i, j) * vector[j] for j in range(n)) for i in range(n)]


print("matrix", round(sum(times([1.0] * 120)), 9))
print("sum ints", sum(x * 3 for x in range(5000)))
print("sum mixed", sum(x if x % 3 else x * 0.5 for x in range(5000)))
print("max", max(x % 1013 for x in range(5000)))
print("min key", min((x for x in range(5000)), key=lambda x: (x * 7919) % 5003))
print("any", any(x > 4000 for x in range(5000)), all(x < 4000 for x in range(5000)))
print("list", list(x for x in range(5000) if x % 997 == 0))
print("join", len("".join(str(x % 10) for x in range(5000))))
print("tuple", tuple(x * x for x in range(5000))[-3:])

# A consumer that raises in the middle: the generator stays suspended.
gen = (x if x != 3500 else "three thousand five hundred" for x in range(5000))
try:
    sum(gen)
except TypeError as e:
    print("raised", e)
print("after", next(gen), next(gen))

# The consumer runs Python code that rebinds a global the loop reads.
OFFSET = 0


def key(x):
    global OFFSET
    if x == 2500:
        OFFSET = 1000
    return x


print("rebinding", max((x + OFFSET for x in range(5000)), key=key))


# A consumer that refuses a value the compiled loop yielded: `any` stops
# at the first true one.
print("any stops", any(x // 4000 for x in range(5000)))


class Weight:
    # `sum` runs Python code (__radd__) for these, which rebinds a global
    # the generator's loop reads.
    def __init__(self, w):
        self.w = w

    def __radd__(self, other):
        global SCALE
        if other > 3000:
            SCALE = 10
        return other + self.w


SCALE = 1
weights = [Weight(1), Weight(2), Weight(3)]
print("python consumer", sum(weights[i % 3] for i in range(5000)))
print("python consumer and global", sum((weights[i % 3] if i % 2 else i * SCALE) for i in range(5000)))


def countdown(n):
    while n > 0:
        yield n
        n -= 1


print("generator function", sum(countdown(5000)), list(countdown(3000))[-3:])

# Nested: a generator expression over a generator.
print("nested", sum(y * 2 for y in (x + 1 for x in range(5000))))
