# Hot int loops: while and for-range, + - * // % with negative operands.
def while_sum(n):
    total = 0
    i = 0
    while i < n:
        total += i * 3 % 7
        i += 1
    return total

def range_mix(n):
    acc = 0
    for i in range(n):
        acc = acc + (i // 3) - (i % 5) * 2
        if i % 7 == 0:
            acc -= 1
    return acc

def negative_floor(n):
    acc = 0
    for i in range(-n, n, 3):
        acc += i // 7 + i % -4 + (-i) // 5
    return acc

def countdown(n):
    steps = 0
    while n > 0:
        n -= 2
        steps += 1
    return steps, n

print(while_sum(5000))
print(range_mix(5000))
print(negative_floor(4000))
print(countdown(7777))
