# Loads after stores in the same iteration take the stored value (store-to-load
# forwarding), except where another object, possibly the same one, or an
# instance's __dict__ was written in between.
class P:
    def __init__(self):
        self.x = 0
        self.y = 0.0

def alias(a, b, n):
    t = 0
    for i in range(n):
        a.x = i
        b.x = i * 2
        t += a.x
        a.y = a.y + 0.5
        t += int(a.y > 10) if False else 0
    return t

def make_counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        c += 1
        return c
    return inc

p = P()
q = P()
print(alias(p, q, 3000), alias(p, p, 3000), p.y)
f = make_counter()
print(sum(f() for _ in range(3000)))

def via_dict(o, n):
    t = 0
    d = o.__dict__
    for i in range(n):
        o.x = i
        d["x"] = -i
        t += o.x
    return t
print(via_dict(P(), 3000))
