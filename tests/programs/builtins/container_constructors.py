# list, tuple, dict, set, frozenset constructors.
print(list(), list("ab"), list((1, 2)), list({1: 2}), list(range(3)), list(x for x in "xy"), list({"a": 1}.items()))
print(tuple(), tuple([1]), tuple("ab"), tuple({3}), tuple(range(2)))
print(dict(), dict(a=1), dict([("a", 1)]), dict({"a": 1}, b=2), dict(zip("ab", [1, 2])), dict([["k", "v"]]), dict(((1, 2),)))
print(sorted(set("hello")), set(), set([1, 1]), sorted(frozenset([3, 1])), frozenset(), set(range(3)) == {0, 1, 2})
for bad in [lambda: list(1), lambda: tuple(None), lambda: dict(1), lambda: dict(["a"]), lambda: set(1), lambda: frozenset(1.0), lambda: dict(a=1, **{"a": 2})]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
