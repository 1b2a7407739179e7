# async for and async with with hand-written protocol objects.
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Pause()
        return self.i
class Pause:
    def __await__(self):
        yield "pause"
class Lock:
    def __init__(self):
        self.held = False
    async def __aenter__(self):
        await Pause()
        self.held = True
        print("  lock acquired")
        return self
    async def __aexit__(self, et, ev, tb):
        self.held = False
        print("  lock released", et.__name__ if et else None)
        return et is KeyError
async def main():
    total = 0
    async for t in Ticker(4):
        print("tick", t)
        total += t
    lock = Lock()
    async with lock as l:
        print("inside, held =", l.held)
    async with lock:
        raise KeyError("suppressed by __aexit__")
    print("after suppressed, held =", lock.held)
    return total
def run(coro):
    n = 0
    while True:
        try:
            coro.send(None)
            n += 1
        except StopIteration as e:
            return e.value, n
print(run(main()))
