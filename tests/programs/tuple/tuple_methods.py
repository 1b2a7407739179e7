# count/index with ranges, iteration and conversion.
t = tuple("mississippi")
print(t.count("s"), t.count("i"), t.count("z"), t.index("s"), t.index("s", 4), t.index("p", 5, 10))
try:
    t.index("s", 7, 8)
except ValueError as e:
    print(type(e).__name__, e)
print(list(t), set(t) == {"m", "i", "s", "p"}, "".join(t), tuple(reversed(t)), sorted(t))
print(min(t), max(t), len(t), t[2:9:3], t[::-3])
print(tuple(enumerate(t[:3])), tuple(zip(t, t[1:]))[:3])
e = ()
print(e, len(e), bool(e), e == tuple(), tuple(e) is e or "copy-ok")
print((1, 2, 3).__contains__(2), (1,).__add__((2,)), (1, 2).__mul__(2), (1, 2).__rmul__(2))
print(sum((1, 2, 3)), any(()), all(()), tuple(map(str, (1, 2))), tuple(x for x in range(4) if x % 2))
