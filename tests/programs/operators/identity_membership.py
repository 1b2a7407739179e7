# is / is not / in / not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, True is not False)
print(1 in a, 3 not in a, "b" in "abc", "ab" in "abc", "ac" in "abc", 2 in {1: 0, 2: 0}, 0 in {1: 0}, (1, 2) in [(1, 2)])
print([] in [[]], [] is [], () == (), "" in "")
class Contains:
    def __contains__(self, item):
        print("  contains?", item)
        return item == 42
print(42 in Contains(), 1 in Contains(), 1 not in Contains())
class IterOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())
class GetItemOnly:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(30 in GetItemOnly(), 35 in GetItemOnly())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
class BadContains:
    def __contains__(self, item):
        return [1]
print(1 in BadContains())
