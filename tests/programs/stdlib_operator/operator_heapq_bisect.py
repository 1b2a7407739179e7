import operator, heapq, bisect
from operator import itemgetter, attrgetter, methodcaller
print(itemgetter(1)([1, 2, 3]), itemgetter(0, 2)("abc"), attrgetter("real")(3), attrgetter("real", "imag")(1+2j), methodcaller("upper")("x"), methodcaller("split", ",", 1)("a,b,c"))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)), repr(itemgetter(1)), repr(attrgetter('a.b')), repr(methodcaller('f', 1, k=2)))
print(operator.add(1, 2), operator.index(5), operator.length_hint([1, 2]), operator.concat([1], [2]), operator.countOf([1, 1, 2], 1), operator.indexOf('abc', 'c'))
class O: pass
o = O(); o.a = O(); o.a.b = 7
print(attrgetter('a.b')(o))
for f in [lambda: itemgetter(), lambda: attrgetter(1), lambda: methodcaller(), lambda: operator.index(1.5)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
h = [5, 1, 8, 3, 2]
heapq.heapify(h); print(h, heapq.heappop(h), heapq.nsmallest(2, [5, 1, 8]), heapq.nlargest(2, [5, 1, 8]), list(heapq.merge([1, 3], [2, 4])))
heapq.heappush(h, 0); print(h, heapq.heappushpop(h, 9), heapq.heapreplace(h, -1), h)
a = [1, 2, 4, 4, 8]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 0), bisect.bisect(a, 5, key=None))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a, bisect.bisect_left(a, 3, lo=1, hi=3))
print(bisect.bisect([(1, 'a'), (3, 'b')], 2, key=itemgetter(0)))
for f in [lambda: itemgetter(1, x=2), lambda: itemgetter(1)(), lambda: itemgetter(1)(1, 2), lambda: attrgetter(), lambda: attrgetter('a')(1),
          lambda: methodcaller(1), lambda: methodcaller('f')(1), lambda: methodcaller('f')(), lambda: attrgetter('a', 2), lambda: itemgetter(5)([1])]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(repr(itemgetter(1)), repr(itemgetter(0, 'a')), repr(attrgetter('a', 'b')), repr(methodcaller('g')))
people = [{'n': 'b', 'a': 3}, {'n': 'a', 'a': 3}, {'n': 'c', 'a': 1}]
print(sorted(people, key=itemgetter('a', 'n')), max(people, key=itemgetter('a'))['n'])
print(list(map(methodcaller('strip', 'x'), ['xax', 'bx'])), list(map(attrgetter('imag'), [1j, 2])))
