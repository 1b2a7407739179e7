# Attribute, method and store sites that see several classes and shapes:
# the two-entry caches, their overflow and deoptimisation.

class Base:
    def __init__(self, n):
        self.n = n
    def kind(self):
        return "base"

class A(Base):
    def kind(self):
        return "A"

class B(Base):
    def __init__(self, n):
        self.extra = -n
        self.n = n

class C(Base):
    n = property(lambda self: "C.n property")
    def __init__(self, n):
        pass

class D:
    __slots__ = ("n",)
    def __init__(self, n):
        self.n = n
    def kind(self):
        return "D"

def read(o):
    return o.n

def call(o):
    return o.kind()

def write(o, v):
    o.n = v
    return o.n

objects = [Base(1), A(2), B(3), D(4), C(5)]
for rounds in range(3):
    out = []
    for o in objects * 10:
        if isinstance(o, C):
            out.append(read(o))
            continue
        out.append((read(o), call(o), write(o, read(o) + 1)))
    print(out[:5], out[-5:])
print([vars(o) if not isinstance(o, D) else o.n for o in objects])
Base.kind = lambda self: "patched"
print([call(o) for o in objects])
