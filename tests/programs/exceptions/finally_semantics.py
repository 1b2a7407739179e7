# finally always runs; return/break/continue in finally override.
def f1():
    try:
        return "try"
    finally:
        return "finally"
def f2():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return f"broke at {i}"
def f3():
    x = []
    for i in range(3):
        try:
            x.append(i)
            raise ValueError
        except ValueError:
            continue
        finally:
            x.append(-i)
    return x
def f4():
    try:
        try:
            raise KeyError("a")
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
def f5():
    v = "start"
    try:
        return v
    finally:
        v = "changed"
print(f1(), f2(), f3(), f5())
try:
    f4()
except KeyError as e:
    print("f4 raised", repr(e))
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("  gen finally")
for x in gen():
    print(x)
g = gen()
next(g)
g.close()
print("closed")
