# assert with and without messages, evaluated lazily.
def check(v):
    assert isinstance(v, int), f"expected int, got {type(v).__name__}"
    assert v >= 0, ("negative", v)
    return v
for v in [3, "x", -2]:
    try:
        print(check(v))
    except AssertionError as e:
        print(type(e).__name__, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e))
count = 0
def msg():
    global count
    count += 1
    return "message"
for _ in range(3):
    assert True, msg()
print("message evaluated", count, "times")
try:
    assert 0, msg()
except AssertionError as e:
    print(e, count)
print(__debug__)
