# Object constants (None, True, False, strings) in compiled loops.
def flags(n):
    seen = False
    marker = None
    count = 0
    for i in range(n):
        seen = True
        marker = "x"
        if seen:
            count += 2
    return count, seen, marker

def toggles(n):
    on = True
    count = 0
    i = 0
    while i < n:
        if on:
            count += 1
        on = False
        i += 1
    return count, on

print(flags(5000))
print(toggles(5000))

# Module attributes are constants of the loop too, until they change.
import math
import types

def module_attrs(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(4.0) + math.pi
        if i == 2000:
            math.sqrt = lambda x: -1.0
    return round(t, 6)

real_sqrt = math.sqrt
print(module_attrs(3000))
math.sqrt = real_sqrt

def rebinding_every_time(n):
    mod = types.ModuleType("m")
    t = 0
    for i in range(n):
        mod.k = i % 3
        t += mod.k
    return t

print(rebinding_every_time(3000))
