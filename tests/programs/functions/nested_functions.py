# Deeply nested functions, each level capturing from all outer levels.
def l1(a):
    def l2(b):
        def l3(c):
            def l4(d):
                return a + b + c + d, (a, b, c, d)
            return l4
        return l3
    return l2
print(l1(1)(2)(3)(4), l1("a")("b")("c")("d"))
def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
        def snapshot():
            return n
        return snapshot
    return inc
inc = counter_pair()
s1 = inc()
s2 = inc()
print(s1(), s2(), s1 is s2)
def make_ops():
    ops = []
    for name in ["double", "square", "negate"]:
        def op(x, name=name):
            return {"double": x * 2, "square": x * x, "negate": -x}[name]
        op.__name__ = name
        ops.append(op)
    return ops
print([(o.__name__, o(7)) for o in make_ops()])
def recursive_closure(n):
    def step(k):
        return [] if k > n else [k] + step(k + 1)
    return step(1)
print(recursive_closure(8))
