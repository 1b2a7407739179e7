import itertools as it
from itertools import *

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

# count
print(it.count(), it.count(5), it.count(5, 1), it.count(5, 2), it.count(1.5), it.count(0, 1.0))
print(it.count(2**70), it.count(step=-1), it.count(True), it.count(1, True), it.count(True, 2))
c = count(3)
print(next(c), next(c), c)
print(list(islice(count(10, -3), 5)), list(islice(count(0.5, 0.25), 4)))
c = count(2**63 - 2)
print(next(c), next(c), next(c), c)
show("count str", lambda: count('a'))
show("count step str", lambda: count(1, 'a'))
show("count kw", lambda: count(x=1))
print(list(islice(count(start=2, step=3), 3)))

# repeat
print(repeat('a'), repeat(1, 3), repeat(1, -5), repeat(1, times=2), list(repeat('x', 3)))
r = repeat(1, 2)
print(list(r), r, r.__length_hint__())
show("repeat none", lambda: repeat())
show("repeat 3", lambda: repeat(1, 2, 3))
show("repeat hint", lambda: repeat(1).__length_hint__())
print(list(zip(range(3), repeat('z'))))

# cycle
print(list(islice(cycle('abc'), 8)), list(cycle([])))
show("cycle int", lambda: cycle(1))

# accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate(['a', 'b', 'c'])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2], func=None, initial=None)))
show("accumulate int", lambda: accumulate(1))

# chain
print(list(chain('ab', [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(['xy', 'z'])))
show("chain kw", lambda: chain(x=1))
show("chain bad", lambda: list(chain([1], 2)))
g = chain([1], 2)
print(next(g))
show("chain lazy", lambda: next(g))
print(chain[int])

# compress
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1, 1, 1, 1])))
print(list(compress(data='abc', selectors=[0, 1, 1])))
show("compress missing", lambda: compress([1]))

# dropwhile, takewhile, filterfalse, starmap
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: a, [[1, 2], 'ab'])))
show("takewhile one", lambda: takewhile(1))
show("starmap one", lambda: starmap(pow))
t = takewhile(lambda x: x < 2, [1, 2, 1])
print(list(t), list(t))

# groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
gb = groupby('aabbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
print(type(g1).__name__, [(k, len(list(g))) for k, g in groupby([])])
gb = groupby('aaab')
k, g = next(gb)
print(next(g), k, [k for k, _ in gb])

# islice
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice('ab', 5, 10)))
print(list(islice(range(10), None)), list(islice(range(10), None, None, None)), list(islice('abc', 0)))
show("islice -1", lambda: islice([], -1))
show("islice step 0", lambda: islice([], 1, 2, 0))
show("islice str", lambda: islice([], 'a'))
show("islice str start", lambda: islice([], 'a', 3))
show("islice one", lambda: islice([1]))
show("islice none", lambda: islice())
it1 = iter(range(10))
print(list(islice(it1, 3)), next(it1))
it2 = iter(range(10))
print(list(islice(it2, 2, 4)), next(it2))

# pairwise
print(list(pairwise('abcd')), list(pairwise('a')), list(pairwise([])))
show("pairwise int", lambda: pairwise(1))

# tee
a, b = tee([1, 2, 3])
print(next(a), next(a), list(b), list(a))
print(tee([1], 0), len(tee('ab', 4)), [list(x) for x in tee('abc', 3)])
show("tee neg", lambda: tee([], -1))
a, b = tee(iter('xyz'))
c, d = tee(a)
print(list(c), list(d), list(b), type(a).__name__)
a, = tee(range(3), 1)
print(list(a))

# zip_longest
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('ab', [1, 2, 3])), list(zip_longest()))
print(list(zip_longest([], [])), list(zip_longest('a')))
show("zip_longest int", lambda: zip_longest(1))

# combinatorics
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)), list(product()), list(product('ab', [])))
print(list(product('ab', repeat=0)), len(list(product(range(3), range(4), repeat=2))))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations('ab', 3)), list(permutations('ab', 0)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)), list(combinations('ab', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)), list(combinations_with_replacement('', 0)))
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(5), 3))))
show("product neg", lambda: product([1], repeat=-1))
show("perm neg", lambda: permutations([], -1))
show("comb missing", lambda: combinations([]))
show("comb neg", lambda: combinations([], -1))
show("perm kw", lambda: list(permutations(iterable='abc', r=2)))

# laziness and iterator protocol
def gen():
    print("gen started")
    yield 1
    yield 2
m = map(str, chain(gen()))
print("made")
print(list(m))
for ty in [count, cycle, repeat, chain, islice, groupby, product, tee([])[0].__class__]:
    print(ty.__name__, ty.__module__, repr(ty)[:30])
x = chain([1])
print(iter(x) is x, hasattr(x, '__next__'))
class MyChain(chain):
    pass
print(list(MyChain('ab', 'c')), type(MyChain('a')).__name__, isinstance(MyChain(), chain))
