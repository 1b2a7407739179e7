# Exceptions in coroutines: raised through await, thrown in with throw().
class Tick:
    def __await__(self):
        yield "tick"
async def fails():
    await Tick()
    raise ValueError("inside coroutine")
async def catches():
    try:
        await fails()
    except ValueError as e:
        return f"caught {e}"
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(catches()))
try:
    run(fails())
except ValueError as e:
    print("propagated:", e)
async def waiter():
    try:
        await Tick()
        return "normal"
    except KeyError as e:
        return f"thrown in: {e!r}"
c = waiter()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
async def done():
    return 1
d = done()
run(d)
try:
    d.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
class BadAwait:
    def __await__(self):
        return 5
async def uses_bad():
    await BadAwait()
try:
    run(uses_bad())
except TypeError as e:
    print(type(e).__name__, e)
async def await_int():
    await 3
try:
    run(await_int())
except TypeError as e:
    print(type(e).__name__, e)
