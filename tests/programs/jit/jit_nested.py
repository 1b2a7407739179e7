# Nested loops: the inner loop compiles, the outer loop aborts and retries.
def nested(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += (i * j) % 11
    return total

def nested_while(n):
    total = 0.0
    i = 0
    while i < n:
        j = 0
        while j < i:
            total += j * 0.25
            j += 1
        i += 1
    return total

def triple(n):
    c = 0
    for a in range(n):
        for b in range(a):
            for d in range(b):
                c += 1
    return c

print(nested(300))
print(nested_while(300))
print(triple(60))
