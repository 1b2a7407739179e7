# format() builtin with many types and specs.
print(format(42), format(42, "5d"), format(42, "<5") + "|", format(42, "x"), format(3.14159, ".2f"), format("s", "^5") + "|")
print(format(1234567.891, ",.2f"), format(0.5, "%"), format(True), format(None), format([1, 2]), format(1 + 2j, ".1f"))
print(format(255, "#010b"), format(-255, "+x"), format(10 ** 20, "e"), format(2 ** 100, ","))
for v, spec in [(1, "s"), ("s", "d"), (1.5, "d"), ([], "5")]:
    try:
        format(v, spec)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class F:
    def __format__(self, spec):
        return f"F[{spec}]"
print(format(F()), format(F(), "xyz"), f"{F():abc}")
try:
    format(5, 5)
except TypeError as e:
    print(type(e).__name__, e)
