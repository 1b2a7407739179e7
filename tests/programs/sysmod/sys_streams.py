# Writing to sys.stdout and sys.stderr directly; swapping stdout.
import sys
n = sys.stdout.write("written directly\n")
print("returned", n)
sys.stderr.write("this goes to stderr\n")
sys.stdout.flush()
class Upper:
    def __init__(self, target):
        self.target = target
    def write(self, s):
        return self.target.write(s.upper())
    def flush(self):
        self.target.flush()
old = sys.stdout
sys.stdout = Upper(old)
print("shouted through a wrapper")
sys.stdout = old
print("back to normal")
print(sys.stdout.isatty() in (True, False), sys.stdin.isatty() in (True, False))
print("last stderr line", file=sys.stderr)
