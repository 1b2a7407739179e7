# Deeply nested data: repr of deep lists hits RecursionError; deep comparisons too.
deep = []
cur = deep
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    repr(deep)
except RecursionError as e:
    print(type(e).__name__, e)
other = []
cur = other
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    print(deep == other)
except RecursionError as e:
    print(type(e).__name__, e)
shallow = [[[[1]]]]
print(repr(shallow), shallow == [[[[1]]]])
