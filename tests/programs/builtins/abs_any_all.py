# abs, any, all.
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-(10 ** 30)), abs(float("-inf")))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any("abc"), all(""))
log = []
def t(v):
    log.append(v)
    return v
print(any(t(x) for x in [0, 2, 3]), log)
log.clear()
print(all(t(x) for x in [1, 0, 3]), log)
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
print(any(x > 3 for x in range(5)), all(isinstance(x, int) for x in [1, True]))
