# A tiny event loop with tasks, sleeping by ticks, and results.
class SleepTicks:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        return (yield ("sleep", self.n))
class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.sleeping = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro, None))
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort(key=lambda s: (s[0], s[1]))
                wake, name, coro = self.sleeping.pop(0)
                self.now = wake
                self.ready.append((name, coro, self.now))
                continue
            name, coro, value = self.ready.pop(0)
            try:
                cmd, arg = coro.send(value)
                if cmd == "sleep":
                    self.sleeping.append((self.now + arg, name, coro))
            except StopIteration as e:
                self.results[name] = e.value
                print(f"t={self.now} {name} done -> {e.value}")
async def worker(name, delays):
    total = 0
    for d in delays:
        woke = await SleepTicks(d)
        print(f"t={woke} {name} woke after {d}")
        total += d
    return total
loop = Loop()
loop.spawn("a", worker("a", [3, 1]))
loop.spawn("b", worker("b", [1, 1, 1]))
loop.spawn("c", worker("c", [5]))
loop.run()
print(loop.results, loop.now)
