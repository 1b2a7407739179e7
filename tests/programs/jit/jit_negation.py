# Unary minus on ints and floats in compiled loops, up to the small-int limit.
def alternate(n):
    sign = 1
    total = 0
    for i in range(n):
        total += sign * i
        sign = -sign
    return total

def float_flip(n):
    x = 0.75
    acc = 0.0
    for i in range(n):
        x = -x
        acc += x * i
    return acc, x

def at_the_limit(n):
    x = -(2 ** 62) + 3
    out = 0
    for i in range(n):
        out = -x
        x = x - 1
    return out, x

print(alternate(5001))
print(float_flip(5001))
print(at_the_limit(6))
