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
