# Identity tests, None tests, comparisons kept as bools, and the builtins
# isinstance, abs, min and max inside compiled loops.


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class Base:
    pass


class Derived(Base):
    pass


class Mixin:
    pass


class Other(Mixin):
    pass


class Proxy:
    # isinstance consults __class__ when the real class does not match.
    @property
    def __class__(self):
        return Base


def walk(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    total = 0
    node = head
    while node is not None:
        if node.next is None:
            total += 1000
        total += node.value
        node = node.next
    return total


def flags(n):
    marks = []
    for i in range(n):
        marks.append(i % 3 == 0)
        marks.append(i < n // 2)
    return sum(marks)


def identity(items):
    same = 0
    for a in items:
        if a is items[0]:
            same += 1
        if a is not None:
            same += 2
    return same


def kinds(objs):
    counts = [0, 0, 0]
    for o in objs:
        if isinstance(o, Base):
            counts[0] += 1
        if isinstance(o, Derived):
            counts[1] += 1
        if isinstance(o, int):
            counts[2] += 1
    return counts


def numbers(n):
    t = 0
    f = 0.0
    for i in range(-n, n):
        t += abs(i) + max(i, 3) - min(i, -3)
        f += abs(i * 0.25) + max(i * 0.5, 1.5) - min(-0.5, i * 0.5)
    return t, f


class Plain:
    pass


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def truths(values):
    counts = [0, 0, 0, 0]
    for v in values:
        if v:
            counts[0] += 1
        if not v:
            counts[1] += 1
        x = v and 7
        y = v or 9
        if x == 7:
            counts[2] += 1
        if y == 9:
            counts[3] += 1
    return counts


def shifts(n):
    t = 0
    for i in range(n):
        t += (i * 12345) >> (i % 70)
        t ^= -i >> 3
    return t


print("walk", walk(3000))
print("truths", truths([[], [1], (), (2,), "", "s", None, Plain(), Sized(0), Sized(2), 0, 3, 0.0, 1.5] * 300))
print("shifts", shifts(3000))
try:
    for i in range(3000, -5, -1):
        i >> i
except ValueError as e:
    print("shift", i, e)
print("flags", flags(3000))
shared = Node(0)
print("identity", identity([shared, shared, None, Node(1)] * 1000))
objs = [Base(), Derived(), Other(), 5, Proxy()] * 600
print("kinds", kinds(objs))
# A class's bases change: loops that assumed its MRO are thrown away.
Other.__bases__ = (Base,)
print("kinds after", kinds(objs))
print("numbers", numbers(3000))
print("abs extremes", [abs(x) for x in [-(2**62), 2**62 - 1, -(2**61)] * 600][:3])
print("max mixed", max(1, 2.5), min(-0.0, 0.0), max(0.0, -0.0))


def drain(n):
    todo = list(range(n))
    t = 0
    while todo:
        t += todo.pop()
    return t


def drain_mixed(n):
    items = [1, 2.5, "s", None] * n
    c = 0
    while items:
        if items.pop() is None:
            c += 1
    return c


print("pop", drain(5000), drain_mixed(2000))
try:
    for k in range(3000):
        drain(k % 4)
        [].pop()
except IndexError as e:
    print("pop", k, e)


def digits(n):
    t = 0
    for i in range(n):
        q, r = divmod(i * 7919 - 50000, 10)
        t += q * 3 + r
    return t


def kept(n):
    out = []
    for i in range(n):
        out.append(divmod(i, 7))
    return out[-1]


print("divmod", digits(5000), kept(3000))
try:
    for k in range(3000, -1, -1):
        a, b = divmod(100, k)
except ZeroDivisionError as e:
    print("divmod", k, e)


class Text(str):
    pass


def affixes(words):
    counts = [0, 0]
    for w in words:
        if w.startswith("ab"):
            counts[0] += 1
        if w.endswith("c"):
            counts[1] += 1
    return counts


print("affixes", affixes(["abc", "xbc", "ab", "", "c", "abcc"] * 600))
print("affixes subclass", affixes([Text("abc"), "abc", Text("zzz")] * 600))
print("affixes tuple", sum(w.startswith(("a", "x")) for w in ["abc", "xbc", "q"] * 1000))
