# iter() with one argument and with a sentinel; next() with default.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
data = [5, 4, 3, 0, 2, 1]
pos = 0
def reader():
    global pos
    pos += 1
    return data[pos - 1]
print(list(iter(reader, 0)))
counter = iter(lambda: 1, 1)
print(list(counter))
print(type(iter("ab")).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__, type(iter(range(1))).__name__)
for bad in [lambda: iter(5), lambda: iter(len, 1, 2), lambda: next(5), lambda: iter(5, 1)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
d = iter({"a": 1, "b": 2})
print(next(d), list(d))
s = "xyz"
i1, i2 = iter(s), iter(s)
print(next(i1), next(i1), next(i2))
print(iter(it) is it)
