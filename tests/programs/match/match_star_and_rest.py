# Star patterns in various positions and rest captures.
def parts(seq):
    match seq:
        case [*init, "end"]:
            return ("ends with end", init)
        case ["start", *tail]:
            return ("starts with start", tail)
        case [a, *mid, b] if a == b:
            return ("same ends", mid)
        case [*everything]:
            return ("anything", everything)
for s in [["a", "end"], ["start", 1, 2], [5, 1, 5], [1, 2], [], ["end"], ("start",)]:
    print(s, parts(s))
match {"a": 1, "b": 2, "c": 3}:
    case {"a": _, **rest}:
        print(rest, type(rest).__name__)
match range(5):
    case [0, *rest]:
        print("range rest", rest, type(rest).__name__)
