# Traced loops that append to lists (comprehensions and list.append),
# call len(), and call methods found through the method cache.


def evens(n):
    return [i for i in range(n) if i % 2 == 0]


print(len(evens(5000)), evens(5000)[-3:])


def collect(n):
    out = []
    for i in range(n):
        out.append(i * 0.5)
        if len(out) > n:
            print("impossible")
    return out


xs = collect(3000)
print(len(xs), xs[:3], xs[-1])


def lengths(items):
    total = 0
    for it in items:
        total += len(it)
    return total


print(lengths(["ab", (1, 2, 3), [4]] * 1000))


class Sized:
    def __len__(self):
        return 100


print(lengths(["ab"] * 1500 + [Sized()] + ["c"] * 10))
try:
    lengths(["ab"] * 1500 + [5])
except TypeError as e:
    print("TypeError", e)


# list.append on something that stops being a list; append rebound.
class MyList(list):
    def append(self, x):
        list.append(self, x * 10)


def fill(target, n):
    for i in range(n):
        target.append(i)
    return target


print(sum(fill([], 3000)), sum(fill(MyList(), 3000)))


class Bag:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x)


b = Bag()
fill(b, 2000)
print(len(b.items))


# A comprehension whose target grows under a nested append.
def nested(n):
    rows = []
    for i in range(n):
        rows.append([j for j in range(i % 5)])
    return sum(len(r) for r in rows)


print(nested(3000))
