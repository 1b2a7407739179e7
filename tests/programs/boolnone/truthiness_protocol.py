# Truth testing: __bool__ then __len__, and errors.
class WithBool:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  __bool__ called")
        return self.v
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("  __len__ called")
        return self.n
class Both(WithBool, WithLen):
    def __init__(self):
        WithBool.__init__(self, False)
        WithLen.__init__(self, 5)
class Plain:
    pass
for obj in [WithBool(True), WithBool(False), WithLen(0), WithLen(3), Both(), Plain()]:
    print(type(obj).__name__, bool(obj))
    if obj:
        print("  truthy")
    else:
        print("  falsy")
print(not WithLen(0), WithBool(True) and "and-result", WithLen(0) or "or-result")
class BadBool:
    def __bool__(self):
        return 1
class NegLen:
    def __len__(self):
        return -1
class BigLen:
    def __len__(self):
        return 2 ** 100
for o in [BadBool(), NegLen(), BigLen()]:
    try:
        bool(o)
    except Exception as e:
        print(type(o).__name__, type(e).__name__, e)
n = 0
while WithLen(n if n < 2 else 0):
    n += 1
print("loops", n)
print(all([WithLen(1), WithBool(True)]), any([WithLen(0), WithBool(False)]))
