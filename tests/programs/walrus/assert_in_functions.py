# Assertions as invariants in a data structure.
class SortedBag:
    def __init__(self):
        self.items = []
    def _check(self):
        assert all(a <= b for a, b in zip(self.items, self.items[1:])), f"unsorted: {self.items}"
    def add(self, x):
        i = 0
        while i < len(self.items) and self.items[i] < x:
            i += 1
        self.items.insert(i, x)
        self._check()
    def corrupt(self):
        self.items.reverse()
        self._check()
b = SortedBag()
for v in [5, 1, 4, 1, 9]:
    b.add(v)
print(b.items)
try:
    b.corrupt()
except AssertionError as e:
    print(type(e).__name__, e)
