# print(): sep, end, file, flush, multiple args, no args.
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print("no newline", end="")
print(" <- continued")
print(1, 2.5, None, [1], (2,), {"k": 3}, sep=" | ")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep="-")
print("x", sep=None, end=None)
print("multi\nline")
print("", end="")
print(end="only end\n")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("to custom", 42, file=w, sep="+")
print(w.parts)
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", file=5)
except AttributeError as e:
    print(type(e).__name__, e)
print("done", file=sys.stdout)
sys.stdout.write("direct write\n")
print(sys.stdout.write("abc\n"))
print("stderr last line", file=sys.stderr)
