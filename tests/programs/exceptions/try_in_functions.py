# Exceptions propagating through call stacks and being converted.
def level3(x):
    if x == 0:
        raise ZeroDivisionError("level3 got zero")
    return 10 / x
def level2(x):
    try:
        return level3(x)
    except ZeroDivisionError as e:
        raise ArithmeticError(f"level2 wraps: {e}") from e
def level1(x):
    try:
        return level2(x)
    finally:
        print(f"  level1 cleanup for {x}")
for x in [5, 0]:
    try:
        print(level1(x))
    except ArithmeticError as e:
        print(type(e).__name__, e, "<-", type(e.__cause__).__name__)
def convert_all(values):
    out = []
    for v in values:
        try:
            out.append(float(v))
        except (TypeError, ValueError) as e:
            out.append(type(e).__name__)
    return out
print(convert_all(["1", "2.5", "abc", None, [1], "1e3", "inf"]))
