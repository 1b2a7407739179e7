# Edge cases in format specs for strings.
for spec in ["", "10", "<10", ">10", "^10", "*^11", ".3", "10.3", "-<5", "0>5", "s", "^1"]:
    print(repr(spec), repr(format("hello", spec)))
for spec in ["d", "+", "=10", "#", ","]:
    try:
        format("x", spec)
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
print(repr(f"{'':5}"), repr(f"{'é':>3}"), repr(f"{'😀':^5}"))
print("{:>{}}".format("right", 8), "{:.{}}".format("truncate", 4))
try:
    "{:>{}}".format("x")
except IndexError as e:
    print(type(e).__name__, e)
try:
    format("x", "10.3.2")
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{'x':{'<'}{'zz'}}"
except ValueError as e:
    print(type(e).__name__, e)
