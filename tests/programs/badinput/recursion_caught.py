# Unbounded recursion raises RecursionError, which can be caught; the program continues.
def f(n):
    return f(n + 1) + 1
try:
    f(0)
except RecursionError as e:
    print(type(e).__name__, e)
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print(type(e).__name__, e)
def g(n):
    return g(n + 1)
for attempt in range(3):
    try:
        g(0)
    except RecursionError:
        print("attempt", attempt, "recovered")
print("still works:", sum(range(10)))
