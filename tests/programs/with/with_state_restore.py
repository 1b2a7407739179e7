# Managers that temporarily change and restore state.
import sys
class Setting:
    value = "default"
class override:
    def __init__(self, new):
        self.new = new
    def __enter__(self):
        self.old = Setting.value
        Setting.value = self.new
        return self.old
    def __exit__(self, *a):
        Setting.value = self.old
print(Setting.value)
with override("first") as old:
    print(Setting.value, "was", old)
    with override("second"):
        print(Setting.value)
    print(Setting.value)
print(Setting.value)
try:
    with override("temp"):
        raise ValueError
except ValueError:
    pass
print(Setting.value)
class RecursionLimit:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        self.old = sys.getrecursionlimit()
        sys.setrecursionlimit(self.n)
    def __exit__(self, *a):
        sys.setrecursionlimit(self.old)
with RecursionLimit(2000):
    print(sys.getrecursionlimit())
print(sys.getrecursionlimit())
class Capture:
    def __init__(self):
        self.lines = []
    def write(self, s):
        self.lines.append(s)
    def flush(self):
        pass
class redirect:
    def __init__(self, target):
        self.target = target
    def __enter__(self):
        self.old = sys.stdout
        sys.stdout = self.target
        return self.target
    def __exit__(self, *a):
        sys.stdout = self.old
with redirect(Capture()) as cap:
    print("captured line", 1)
    print("another")
print(cap.lines)
