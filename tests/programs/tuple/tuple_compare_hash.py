# Tuple comparison and hashing, tuples as dict keys.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9), (1, 2) == (1, 2), (1, 2) != (1, 2.0))
print((1, "a") < (1, "b"), (0, "z") < (1, "a"), max([(1, 2), (1, 3), (0, 9)]), sorted([(2, "b"), (1, "z"), (2, "a")]))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1,)) != hash((1, 0)))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, len(grid))
print(sorted(grid.items())[:4])
points = {(0, 0), (1, 1), (0, 0), (1.0, 1.0)}
print(sorted(points))
print(hash((1, 2, 3)), hash(()), hash(((1, 2), (3,))))
