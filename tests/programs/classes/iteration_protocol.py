# __iter__ / __next__, iterators vs iterables, __reversed__.
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
    def __reversed__(self):
        return iter(range(self.n - 1, -1, -1))
class Range2Iter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i - 1
r = Range2(4)
print(list(r), list(r), list(reversed(r)), sum(r), max(r), sorted(r, reverse=True), list(zip(r, r)))
it = iter(r)
print(next(it), next(it), list(it), next(it, "exhausted"))
print([x * 10 for x in r], {x for x in r}, dict.fromkeys(r), tuple(enumerate(r)))
a, b, *c = r
print(a, b, c)
class GenIter:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        for x in self.data:
            yield x.upper()
print(list(GenIter("abc")), "-".join(GenIter("xy")))
class SeqProto:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(SeqProto()), list(reversed(SeqProto())), 4 in SeqProto())
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(type(e).__name__, e)
class NextNotIter:
    def __iter__(self):
        return NotIter()
try:
    iter(NextNotIter())
except TypeError as e:
    print(type(e).__name__, e)
