# input() with empty stdin raises EOFError.
try:
    value = input("prompt> ")
    print("read", repr(value))
except EOFError as e:
    print()
    print(type(e).__name__, repr(str(e)))
import sys
print(repr(sys.stdin.read()))
