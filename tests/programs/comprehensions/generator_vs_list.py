# Generator expressions vs list comprehensions: evaluation timing.
events = []
def src():
    for i in range(3):
        events.append(f"produce {i}")
        yield i
lst = [events.append(f"consume {x}") or x for x in src()]
print(events)
events.clear()
gen = (events.append(f"consume {x}") or x for x in src())
print(events)
for _ in gen:
    pass
print(events)
print(sum(x for x in range(5)), sum([x for x in range(5)]), list(x for x in "ab"))
def first_iter_eval():
    seq = [1, 2, 3]
    g = (x * 10 for x in seq)
    seq = [100]
    return list(g)
print(first_iter_eval())
def outer_var_late():
    mult = 2
    g = (x * mult for x in range(3))
    mult = 10
    return list(g)
print(outer_var_late())
