# Larger lists: performance-insensitive but bigger data.
n = 100000
a = list(range(n))
print(len(a), sum(a), a[-1], a[n // 2])
b = [x * x % 1009 for x in a]
print(sum(b), max(b), min(b), b.count(0), b.index(1008) if 1008 in b else -1)
b.sort()
print(b[:5], b[-5:])
c = a[::1000]
print(len(c), c[:5], c[-3:])
a.reverse()
print(a[:3], a[-3:])
del a[10:]
print(a)
squares = set(x * x for x in range(1000))
print(len([x for x in range(1000) if x in squares]))
