# StopIteration from next(), in for loops, and default handling.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
class ManualIter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("custom")
        return self.n
print(list(ManualIter()))
mi = ManualIter()
for x in mi:
    pass
print("after loop n =", mi.n)
try:
    next(mi)
except StopIteration as e:
    print(repr(e))
print(next(iter(()), None), next(iter("ab")))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
