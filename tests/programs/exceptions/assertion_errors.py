# assert statements and AssertionError.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    assert isinstance(x, int)
    return x
for v in [5, -1, 2.5]:
    try:
        print(check(v))
    except AssertionError as e:
        print(type(e).__name__, repr(e), e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args, str(e) == "")
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args)
assert True, "never evaluated"
x = 0
def side():
    global x
    x += 1
    return "msg"
assert 1, side()
print("side effect count", x)
