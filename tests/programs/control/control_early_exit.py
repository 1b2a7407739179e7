# return/break/continue inside try/finally in loops.
def f():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                return out
            out.append(i)
        finally:
            out.append(f"f{i}")
    return "unreachable"
print(f())
def g():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(g())
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "loop ended"
print(h())
def k():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows exception"
print(k())
def m():
    while True:
        try:
            break
        finally:
            print("finally on break")
    return "after"
print(m())
