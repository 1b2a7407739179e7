# A local changes type while its loop runs compiled: the guard fails and the
# interpreter takes over with the exact state.
def int_to_float(n):
    x = 0
    for i in range(n):
        if i == n // 2:
            x = x + 0.5
        x = x + 1
    return x

def float_to_int(n):
    y = 0.0
    i = 0
    while i < n:
        y = y + 1.5
        if i == 3000:
            y = 7
        i += 1
    return y

def becomes_str(n):
    s = 0
    for i in range(n):
        if i == 2500:
            s = "x"
        if isinstance(s, str):
            s = s + "y"
        else:
            s = s + i
    return len(s)

def flag_loop(n):
    flag = True
    count = 0
    for i in range(n):
        if flag:
            count += 1
        if i == 4000:
            flag = False
    return count

print(int_to_float(6000))
print(float_to_int(5000))
print(becomes_str(5000))
print(flag_loop(6000))
