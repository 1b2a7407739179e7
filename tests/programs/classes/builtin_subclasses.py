# Subclassing list and dict and overriding methods.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1] if self else None
s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), type(s).__name__, isinstance(s, list), s + [5], type(s + [5]).__name__, s[1:], type(s[1:]).__name__)
class SortedList(list):
    def append(self, x):
        super().append(x)
        self.sort()
sl = SortedList()
for v in [5, 1, 4]:
    sl.append(v)
print(sl)
sl.extend([0])
print(sl)
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k) from None
    def __setattr__(self, k, v):
        self[k] = v
ad = AttrDict(a=1)
ad.b = 2
print(ad, ad.a, ad.b, sorted(ad.keys()))
try:
    ad.missing
except AttributeError as e:
    print(type(e).__name__, e)
class CountingSet(set):
    adds = 0
    def add(self, x):
        CountingSet.adds += 1
        super().add(x)
cs = CountingSet()
cs.add(1)
cs.add(1)
print(len(cs), CountingSet.adds, type(cs | {2}).__name__)
