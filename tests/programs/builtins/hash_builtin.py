# hash() of hashable builtins (deterministic values only).
for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 10 ** 20, True, False, 0.0, 1.5, -2.5, 1e100, float("inf"), float("-inf"), 1 + 0j, 2j, (), (1,), (1, 2, 3), ((1, 2), 3), frozenset(), frozenset({1, 2})]:
    print(repr(v), hash(v))
print(hash("abc") == hash("ab" + "c"), hash(b"x") == hash(b"x"), hash(1) == hash(1.0) == hash(True) == hash(1 + 0j))
for bad in [[], {}, set(), bytearray(), ([],)]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class H:
    def __hash__(self):
        return 12345
print(hash(H()))
