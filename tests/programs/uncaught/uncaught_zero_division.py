# An uncaught exception ends the program with status 1 after printing output so far.
def compute(values):
    return [10 // v for v in values]
print("start")
print(compute([1, 2, 5]))
print(compute([1, 0]))
print("never")
