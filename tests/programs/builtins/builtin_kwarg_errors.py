# Argument-count and keyword errors of builtins, with the wording of
# CPython's argument clinic (self does not count for methods).
tests = [
    lambda: int("1", bogus=1), lambda: sorted([], bogus=1), lambda: "a".split(x=1), lambda: print(bogus=1),
    lambda: "a".split(",", 1, 2), lambda: [].sort(1), lambda: dict.fromkeys(), lambda: "abc".encode(bad=1),
    lambda: enumerate([], 1, 2),
    lambda: round(1.5, ndigits=1, x=2), lambda: max([1], bogus=1), lambda: open("x", bogus=1),
    lambda: "a".replace("a"), lambda: range(1, 2, 3, 4), lambda: bytes(x=1), lambda: "x".startswith(),
    lambda: divmod(1), lambda: pow(1, 2, 3, 4), lambda: sum(), lambda: sum([1], start=0, x=1),
]
for t in tests:
    try:
        t()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
