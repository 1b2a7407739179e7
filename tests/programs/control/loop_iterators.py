# for loops drive the iterator protocol explicitly.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        print("  __iter__")
        return self
    def __next__(self):
        if self.n <= 0:
            print("  StopIteration")
            raise StopIteration
        self.n -= 1
        return self.n + 1
for x in Countdown(3):
    print(x)
class Legacy:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return "item%d" % i
for x in Legacy():
    print(x)
try:
    for x in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    for x in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3, 4])
for x in it:
    print("outer", x, "skip", next(it, None))
