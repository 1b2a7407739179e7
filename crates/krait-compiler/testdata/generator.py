def gen(n):
    yield n
    yield from range(n)
