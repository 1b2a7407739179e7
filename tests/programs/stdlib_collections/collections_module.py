# Needs _weakref (collections imports _weakref.proxy).
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
import collections
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

cnt = Counter("abracadabra")
print(cnt.most_common(3), sorted(cnt.elements())[:5], cnt['z'], Counter(a=3, b=1) - Counter(a=1), Counter('ab') + Counter('bc'))
print(repr(Counter('aab')), Counter({'x': 2}).total())
od = OrderedDict(); od['b'] = 1; od['a'] = 2; od.move_to_end('b'); print(od, list(od), od.popitem())
P = namedtuple('P', 'x y'); p = P(1, y=2)
print(p, p.x, p.y, p._asdict(), p._replace(x=5), P._fields, P.x, P.x.__doc__)
show("nt set", lambda: setattr(p, 'x', 3))
show("nt del", lambda: delattr(p, 'x'))
show("nt get", lambda: P.x.__get__(1))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), sorted(cm))
Pt = namedtuple('Pt', ['a', 'b'], defaults=[0]); print(Pt(1), Pt._field_defaults)
print(collections._count_elements, deque.__module__, defaultdict.__module__)
print(deque[int], defaultdict[str, int])
c = Counter()
c.update("hello world")
print(c.most_common(2), +c == c, (c & Counter("lol")), sorted((c | Counter(z=1)).items())[:3])
print(Counter(a=1, b=-2), -Counter(a=1, b=-2), +Counter(a=1, b=-2))
class Node(namedtuple("Node", "left right")):
    __slots__ = ()
    def depth(self):
        return 1 + max(getattr(self.left, "depth", lambda: 0)(), getattr(self.right, "depth", lambda: 0)())
print(Node(Node(None, None), None).depth(), Node(1, 2))
od = OrderedDict.fromkeys("abc")
od.move_to_end("a", last=False); od.move_to_end("c", last=False)
print(od, od == OrderedDict.fromkeys("cab"), od == dict.fromkeys("abc"))
q = deque()
q.append(1); q.append(2)
import collections.abc
print(q.popleft(), q, isinstance(q, collections.abc.Sequence), isinstance(defaultdict(), collections.abc.MutableMapping))
