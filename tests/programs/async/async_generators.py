# Async generators and async comprehensions.
class Sleep:
    def __await__(self):
        yield
async def agen(n):
    for i in range(n):
        await Sleep()
        yield i * i
async def main():
    out = [x async for x in agen(5)]
    evens = [x async for x in agen(6) if x % 2 == 0]
    total = 0
    async for v in agen(4):
        total += v
    g = agen(3)
    first = await g.__anext__()
    second = await g.__anext__()
    return out, evens, total, first, second
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
print(run(main()))
print(type(agen(1)).__name__)
