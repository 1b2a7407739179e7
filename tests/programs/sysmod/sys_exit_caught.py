# SystemExit can be caught; its code attribute.
import sys
for arg in [None, 0, 3, "message", (1, 2)]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), repr(e.args), str(e))
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception))
print("still running")
