# Sorting: stability, keys, reverse, errors during sort.
records = [("bob", 25, "NY"), ("alice", 30, "LA"), ("carol", 25, "SF"), ("dave", 30, "NY"), ("eve", 22, "LA")]
print(sorted(records))
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (r[2], -r[1])))
by_city = sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[2])
print(by_city)
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, key=lambda x: x * x, reverse=True))
print(sorted([3.5, 1, True, 2.25]), sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}))
print(sorted([[2, 1], [1, 2], [1], [2]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Item({self.v})"
print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(5)], key=lambda i: i.v))
big = [(i * 7919) % 1000 for i in range(1000)]
big.sort()
print(big[:10], big[-10:], big == sorted(big), len(set(big)))
stable = [(i % 3, i) for i in range(12)]
stable.sort(key=lambda p: p[0])
print(stable)
lst = [3, 2, 1]
try:
    lst.sort(key=lambda x: lst.append(0) or x)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted([], reverse=True), sorted([1]))
