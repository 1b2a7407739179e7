# Deep chains of awaits and coroutine introspection.
class Yield:
    def __await__(self):
        v = yield "y"
        return v
async def level(n):
    if n == 0:
        got = await Yield()
        return f"bottom got {got}"
    r = await level(n - 1)
    return f"L{n}({r})"
c = level(4)
print(c.send(None))
try:
    c.send("value-from-driver")
except StopIteration as e:
    print(e.value)
c2 = level(1)
print(c2.cr_running, c2.cr_code.co_name, c2.cr_frame is not None)
c2.send(None)
c2.close()
print(c2.cr_frame)
import sys
async def noop():
    pass
n = noop()
try:
    n.send(1)
except TypeError as e:
    print(type(e).__name__, e)
n.close()
