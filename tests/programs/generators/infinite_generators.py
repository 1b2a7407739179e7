# Infinite generators combined with islice-like helpers written by hand.
def count(start=0, step=1):
    while True:
        yield start
        start += step
def cycle(seq):
    while True:
        yield from seq
def islice(it, stop):
    for i, x in zip(range(stop), it):
        yield x
def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
def dropwhile(pred, it):
    it = iter(it)
    for x in it:
        if not pred(x):
            yield x
            break
    yield from it
print(list(islice(count(10, 5), 6)), list(islice(cycle("ab"), 5)), list(takewhile(lambda x: x < 20, count(0, 3))))
print(list(dropwhile(lambda x: x < 5, range(10))), list(islice(count(1.5, 0.5), 4)))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:20], len(list(collatz(27))))
def pairwise(it):
    it = iter(it)
    prev = next(it)
    for x in it:
        yield prev, x
        prev = x
print(list(pairwise("abcd")))
