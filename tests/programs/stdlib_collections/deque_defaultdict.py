from _collections import deque, defaultdict, _count_elements, _tuplegetter
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
d = deque([1, 2, 3]); print(d, deque(maxlen=2), deque('abc', 3), deque('abcd', 2), repr(deque()), deque([], 0))
class D(deque): pass
print(D([1]), D([1], 2), D('ab').copy(), type(D('a').copy()).__name__)
show("pop", lambda: deque().pop())
show("popleft", lambda: deque().popleft())
show("remove", lambda: deque([1]).remove(2))
show("index oor", lambda: deque([1])[5])
show("maxlen neg", lambda: deque(maxlen=-1))
show("maxlen str", lambda: deque(maxlen='a'))
show("index", lambda: deque([1]).index(2))
show("insert full", lambda: deque([1], 1).insert(0, 1))
show("ctor int", lambda: deque(1))
show("hash", lambda: hash(deque()))
show("str idx", lambda: deque([1])['a'])
show("slice", lambda: deque([1, 2])[1:2])
show("mul str", lambda: deque([1]) * 'a')
show("add list", lambda: deque([1]) + [1])
show("rotate str", lambda: deque([1]).rotate('a'))
show("index str", lambda: deque([1]).index(1, 'a'))
show("extend int", lambda: deque().extend(1))
d = deque(range(5))
try:
    for x in d:
        d.append(1)
except RuntimeError as ex:
    print(ex)
d = deque(range(10))
d.rotate(3); print(d); d.rotate(-5); print(d); d.rotate(23); print(d)
d.appendleft('L'); d.append('R'); print(d.popleft(), d.pop(), len(d), d[0], d[-1], d[4])
d[0] = 'z'; del d[1]; print(d, 'z' in d, 99 in d, d.count(5), d.index(5), d.index(5, 2, 9))
d.insert(2, 'ins'); d.insert(-1, 'neg'); d.insert(100, 'end'); print(d)
d.remove('ins'); d.reverse(); print(d)
d.extendleft('abc'); print(d)
d.clear(); print(d, bool(d))
b = deque([1, 2, 3], maxlen=3); b.append(4); print(b); b.appendleft(0); print(b); b.extend([7, 8]); print(b, b.maxlen)
print(deque([1, 2]) * 2, 3 * deque([1], 2), deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1]) == [1], deque([1,2]) + deque([3]))
e = deque([1, 2]); e += [3, 4]; e *= 2; print(e, list(reversed(e)), e.copy() is e)
e = deque([1,2]); e.extend(e); print(e)
r = deque(); r.append(r); print(r)
print(list(iter(deque('abc'))), type(iter(deque())).__name__, type(reversed(deque())).__name__)
print(deque([1,2,3]) >= deque([1,2]), deque([]) != deque([1]), deque([1],0))
# defaultdict
dd = defaultdict(list, a=1); print(dd, defaultdict(), defaultdict(None, {1: 2}), dd.default_factory)
dd['x'].append(3); dd['y']; print(dd, len(dd), isinstance(dd, dict))
class DD(defaultdict): pass
print(DD(int), repr(defaultdict(int, [(1, 2)])))
show("dd bad", lambda: defaultdict(1))
show("dd none", lambda: defaultdict(None)[1])
c = defaultdict(int)
for w in "the cat the dog the end".split():
    c[w] += 1
print(sorted(c.items()), c.copy(), type(c.copy()).__name__, c.get('zzz'), 'zzz' in c)
print(defaultdict(int, {1: 1}) | {2: 2}, {0: 0} | defaultdict(list, {1: 1}))
dd.default_factory = set; print(dd['new'], dd.default_factory)
# _count_elements and _tuplegetter
counts = {}
_count_elements(counts, "abracadabra")
print(sorted(counts.items()))
class MyMap(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
m = MyMap()
_count_elements(m, "aba")
print(sorted(m.items()))
show("count int", lambda: _count_elements({}, 1))
class T(tuple):
    first = _tuplegetter(0, "the first")
    second = _tuplegetter(1, None)
t = T((10, 20))
print(t.first, t.second, T.first, T.first.__doc__, T.second.__doc__)
show("tg set", lambda: setattr(t, "first", 1))
show("tg del", lambda: delattr(t, "first"))
show("tg wrong", lambda: T.first.__get__(1))
show("tg range", lambda: T.second.__get__((1,)))
print(T.first.__get__(None, T) is T.first)
# deque of many items and GC pressure
big = deque(range(1000), maxlen=500)
for i in range(2000):
    big.append([i])
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(len(x) for x in big))
dq = deque()
for i in range(300):
    dq.appendleft(str(i) * 3)
    dq.rotate(7)
print(len(dq), dq[0], dq[150], dq.count("111"))
class Eq:
    def __init__(self, d): self.d = d
    def __eq__(self, other):
        self.d.append(0)
        return False
dm = deque([1, 2, 3])
show("count mutation", lambda: dm.count(Eq(dm)))
dm = deque([1, 2, 3])
show("remove mutation", lambda: dm.remove(Eq(dm)))
dm = deque([1, 2, 3])
show("contains mutation", lambda: Eq(dm) in dm)
it = iter(deque([1, 2]))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
