# Capture patterns, as-patterns, guards and binding behaviour.
def classify(v):
    match v:
        case [x, y] as pair if x < y:
            return f"ascending pair {pair}"
        case [x, y] as pair:
            return f"pair {pair} (x={x}, y={y})"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case str() as s if s.isdigit():
            return f"digit string {s}"
        case other:
            return f"other {other!r}"
for v in [[1, 2], [2, 1], 2, "42", "abc", 9]:
    print(classify(v))
match 5:
    case x if x > 10:
        print("big")
    case x:
        print("captured", x)
print("x after match:", x)
calls = []
def guard(n):
    calls.append(n)
    return False
match [1, 2]:
    case [a, b] if guard(a):
        pass
    case [a, b] if guard(b):
        pass
    case _:
        print("no guard passed", calls, a, b)
