# and/or/not return operands and short-circuit.
def t(v, log):
    log.append(v)
    return v
for a in [0, 1, "", "x", None, [], [0]]:
    for b in [0, "y"]:
        log = []
        r1 = t(a, log) and t(b, log)
        l1 = log[:]
        log = []
        r2 = t(a, log) or t(b, log)
        print(repr(a), repr(b), repr(r1), l1, repr(r2), log)
print(not [], not [1], not None, not 0.0, not "0")
x = None
y = x or "default"
z = x and x.missing
print(y, z)
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3, (1 or 2) and 3, 0 or 0 or 0, 1 and 1 and 0)
