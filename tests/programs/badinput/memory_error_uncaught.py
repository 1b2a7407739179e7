# An uncaught MemoryError from a huge list.
print("allocating")
data = [0] * (2 ** 62)
print("never")
