# Loop bodies with operations the recorder does not support: recording
# aborts and the interpreter runs them, over and over with back-off.
def with_list(n):
    items = []
    for i in range(n):
        items.append(i * 2)
    return sum(items)

def with_call(n):
    total = 0
    for i in range(n):
        total += abs(i - n // 2)
    return total

def with_strings(n):
    s = ""
    for i in range(n):
        if i % 100 == 0:
            s += str(i)
    return len(s)

def with_break(n):
    i = 0
    while True:
        i += 3
        if i > n:
            break
    return i

def with_exception(n):
    caught = 0
    for i in range(n):
        try:
            x = 10 // (i % 50)
        except ZeroDivisionError:
            caught += 1
    return caught

print(with_list(5000))
print(with_call(5000))
print(with_strings(5000))
print(with_break(10000))
print(with_exception(5000))
