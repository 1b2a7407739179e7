# Sequence patterns: fixed length, star, nested, type restrictions.
def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first}..{last} ({len(middle)} in middle)"
        case [first, *rest]:
            return f"first {first}, rest {rest}"
for s in [[], [1], (1, 2), [1, 2, 3], list(range(7)), "ab", range(3)]:
    print(repr(s), "->", shape(s))
def point(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"on y axis at {y}"
        case (x, 0):
            return f"on x axis at {x}"
        case (x, y, *_):
            return f"at {x},{y}"
        case _:
            return "not a point"
for p in [(0, 0), (0, 5), [3, 0], (1, 2), (1, 2, 3), 5, "xy", {"x": 1}]:
    print(repr(p), "->", point(p))
def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a * d - b * c
        case [int(a), str(b)]:
            return f"int {a} and str {b}"
        case [*_, [*inner]]:
            return f"last is a list of {len(inner)}"
    return "no match"
print(nested([[1, 2], [3, 4]]), nested([1, "x"]), nested([0, [1, 2, 3]]), nested("no"))
match b"ab":
    case [97, 98]:
        print("bytes match sequence")
    case _:
        print("bytes are not sequences for match")
