"""Generators: pipelines of generator functions and generator expressions,
`yield from` delegation through a recursive tree walk, and a generator
driven with send()."""


def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def take(n, iterable):
    for i, item in enumerate(iterable):
        if i >= n:
            return
        yield item


def primes():
    """An incremental sieve: composites map to the primes that strike them."""
    composites = {}
    for n in naturals(2):
        if n not in composites:
            yield n
            composites[n * n] = [n]
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)


def pairwise_sums(iterable):
    iterator = iter(iterable)
    previous = next(iterator)
    for item in iterator:
        yield previous + item
        previous = item


class Tree:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build_tree(low, high):
    if low > high:
        return None
    mid = (low + high) // 2
    return Tree(mid, build_tree(low, mid - 1), build_tree(mid + 1, high))


def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total // count


def main():
    checksum = sum(take(17_000, primes()))
    checksum += sum(x for x in pairwise_sums(take(1_400_000, naturals())) if x % 3 == 0)
    squares = (n * n for n in range(2_000_000))
    checksum += sum(s % 7 for s in squares if s & 1)

    tree = build_tree(1, 2 ** 14)
    for _ in range(50):
        checksum += sum(value for value in tree if value % 5 == 0)

    averager = running_average()
    next(averager)
    for value in range(1_400_000):
        checksum += averager.send(value % 1000)
    print(f"checksum: {checksum}")


main()
