# Small ints that overflow into big ints in the middle of a compiled loop.
def grow(n):
    x = 1
    for i in range(n):
        x = x * 3 + 1
    return x

def add_overflow(n):
    x = 2 ** 61
    step = 2 ** 50
    count = 0
    while count < n:
        x += step
        count += 1
    return x, count

def mul_then_shrink(n):
    acc = 1
    for i in range(n):
        acc = acc * 7
        if acc > 10 ** 30:
            acc = acc % 1000003
    return acc

print(grow(3000) % 1000000007)
print(add_overflow(5000))
print(mul_then_shrink(5000))
print((-(2 ** 62)) // -1)
