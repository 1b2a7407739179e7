# Breaking out of nested loops with flags, else and functions.
grid = [[1, 2, 3], [4, 42, 6], [7, 8, 9]]
found = None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == 42:
            found = (r, c)
            break
    else:
        continue
    break
print("found", found)
def search(target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
print(search(8), search(100))
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        print(i, j)
    else:
        print("inner else", i)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("finally before break", i)
