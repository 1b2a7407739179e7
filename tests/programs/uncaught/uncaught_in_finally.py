# Output from finally blocks appears before the program dies.
def f():
    try:
        raise ValueError("from try")
    finally:
        print("finally 1")
def g():
    try:
        f()
    finally:
        print("finally 2")
g()
