# Class attributes shared vs instance attributes shadowing.
class Counter:
    count = 0
    shared = []
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
        self.shared.append(self.id)
a, b = Counter(), Counter()
print(a.count, b.count, Counter.count, a.id, b.id, Counter.shared, a.shared is b.shared)
a.count = 100
print(a.count, b.count, Counter.count, "count" in a.__dict__, "count" in b.__dict__)
del a.count
print(a.count)
Counter.count = 50
print(a.count, b.count)
Counter.new_attr = "added later"
print(a.new_attr, hasattr(b, "new_attr"))
def method(self):
    return f"dynamic method on {self.id}"
Counter.dyn = method
print(a.dyn(), b.dyn())
a.inst_fn = lambda: "instance function (not bound)"
print(a.inst_fn())
print(sorted(k for k in vars(Counter) if not k.startswith("__")), sorted(vars(a)))
