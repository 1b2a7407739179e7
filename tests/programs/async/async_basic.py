# async def / await driven by hand with send(None).
class Ready:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        print(f"  awaiting Ready({self.value})")
        yield f"suspend {self.value}"
        return self.value * 2
async def add(a, b):
    x = await Ready(a)
    y = await Ready(b)
    return x + y
async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return [r1, r2]
def run(coro):
    steps = 0
    try:
        while True:
            signal = coro.send(None)
            steps += 1
            print("scheduler got:", signal)
    except StopIteration as e:
        print("finished after", steps, "suspensions")
        return e.value
print(run(main()))
c = add(1, 1)
print(type(c).__name__, c.__name__, c.__qualname__)
c.close()
async def plain():
    return "no awaits"
print(run(plain()))
