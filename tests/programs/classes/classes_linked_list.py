# A linked list class with the full sequence protocol.
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val, self.next = val, next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __len__(self):
        return self.size
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("LinkedList index out of range")
        for k, v in enumerate(self):
            if k == i:
                return v
    def __contains__(self, v):
        return any(x == v for x in self)
    def __reversed__(self):
        return iter(list(self)[::-1])
    def __eq__(self, o):
        return isinstance(o, LinkedList) and list(self) == list(o)
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
    def __add__(self, o):
        return LinkedList(list(self) + list(o))
    def reverse(self):
        prev, n = None, self.head
        while n:
            n.next, prev, n = prev, n, n.next
        self.head = prev
l = LinkedList([1, 2, 3])
l.push(0)
print(l, len(l), l[0], l[-1], 2 in l, 9 in l, list(reversed(l)), l == LinkedList(range(4)), l + LinkedList("ab"))
l.reverse()
print(l, sum(l), max(l), sorted(l))
try:
    l[10]
except IndexError as e:
    print(type(e).__name__, e)
print(bool(LinkedList()), bool(l), list(LinkedList()))
