# open()'s errors and the errors of file objects, as CPython words them.
NAME = "errors.tmp"
with open(NAME, "w") as f:
    f.write("data\n")


def attempt(action, *args, **kwargs):
    try:
        result = action(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", type(result).__name__)
        if hasattr(result, "close"):
            result.close()


for mode in ["q", "rr", "rw", "wa", "xr", "b", "t", "+", "rbt", "U", "rU", "", "r+w", "w++"]:
    attempt(open, NAME, mode)
attempt(open, NAME, 1)
attempt(open, [1])
attempt(open, 3.5)
attempt(open, None)
attempt(open, NAME, "rb", encoding="utf-8")
attempt(open, NAME, "rb", errors="strict")
attempt(open, NAME, "rb", newline="")
attempt(open, NAME, "r", buffering=0)
attempt(open, NAME, "r", encoding="no-such-codec")
attempt(open, NAME, encoding=3)
attempt(open, NAME, closefd=False)

try:
    open("errors_missing.tmp")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)
    print(str(e))
    print(isinstance(e, OSError))
try:
    open("errors_missing.tmp", "rb")
except OSError as e:
    print(type(e).__name__, e)
try:
    open("no_such_dir/file.tmp", "w")
except OSError as e:
    print(type(e).__name__, e)
try:
    open(".")
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, e)
try:
    open(".", "w")
except OSError as e:
    print(type(e).__name__, e)
try:
    open(NAME, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename, e)

f = open(NAME)
attempt(f.write, "x")
attempt(f.write, b"x")
f.close()
f = open(NAME, "w")
attempt(f.read)
attempt(f.readline)
attempt(f.write, b"bytes")
attempt(f.write, 5)
f.close()
for method, args in [("read", ()), ("readline", ()), ("readlines", ()), ("write", ("x",)),
                     ("tell", ()), ("seek", (0,)), ("flush", ()), ("fileno", ()),
                     ("readable", ()), ("seekable", ()), ("__iter__", ()), ("__next__", ()),
                     ("__enter__", ()), ("truncate", ())]:
    print(method, end=": ")
    attempt(getattr(f, method), *args)
try:
    with f:
        pass
except ValueError as e:
    print("with:", e)
try:
    for line in f:
        pass
except ValueError as e:
    print("for:", e)

b = open(NAME, "rb")
attempt(b.write, b"x")
attempt(b.write, "text")
b.close()
b = open(NAME, "wb")
attempt(b.read)
attempt(b.write, "text")
attempt(b.write, 5)
b.close()
for method, args in [("read", ()), ("readline", ()), ("write", (b"x",)), ("seek", (0,)),
                     ("flush", ()), ("fileno", ()), ("__next__", ())]:
    print(method, end=": ")
    attempt(getattr(b, method), *args)
try:
    b.read()
except OSError as e:
    unsupported = type(e)
print(unsupported.__name__, unsupported.__module__, unsupported.__mro__[1:])
