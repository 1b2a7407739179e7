# Calls of builtin functions and builtin types' methods stay correct when the
# callable, the receiver's type or the arguments change at a quickened site.
class MyList(list):
    def append(self, x):
        super().append(x * 10)


def fill(target, n):
    for i in range(n):
        target.append(i)
    return target


print(fill([], 5), fill(MyList(), 5), fill([], 3))
print(sum(len(fill([], i)) for i in range(40)))

total = 0
for i in range(60):
    if i == 30:
        len = lambda x: 100  # shadows the builtin from here on
    total += len("abc")
print(total)
del len

items = []
for i in range(40):
    list.append(items, i)
print(sum(items), list.__len__(items))

f = items.pop
print(f(), f(), len(items))

for args in [(1,), (1, 2, 3)]:
    try:
        for _ in range(3):
            abs(*args)
    except TypeError as e:
        print("TypeError", e)

try:
    for i in range(40):
        items.append(i, i)
except TypeError as e:
    print("TypeError", e)
try:
    list.append(3, 4)
except TypeError as e:
    print("TypeError", e)

d = {}
for i in range(50):
    d.setdefault(i % 7, []).append(i)
print({k: len(v) for k, v in d.items()}, isinstance(3, int), max(3, 9, 4), min([5, 2, 8]))
s = set()
for w in "the quick brown fox jumps over the lazy dog".split():
    s.add(w)
print(sorted(s), "-".join(sorted(s)).upper().count("O"))
