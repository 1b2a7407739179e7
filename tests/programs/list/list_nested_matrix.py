# Nested lists as matrices.
n = 5
m = [[(i + 1) * (j + 1) for j in range(n)] for i in range(n)]
for row in m:
    print(row)
t = [list(col) for col in zip(*m)]
print(t == m)
ident = [[int(i == j) for j in range(n)] for i in range(n)]
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
print(matmul(m, ident) == m)
sq = matmul(m, m)
for row in sq:
    print(row)
print([m[i][i] for i in range(n)], sum(m[i][n - 1 - i] for i in range(n)))
spiral = []
grid = [row[:] for row in m]
while grid:
    spiral += grid.pop(0)
    grid = [list(r) for r in zip(*grid)][::-1]
print(spiral)
rot = [list(r) for r in zip(*m[::-1])]
for row in rot:
    print(row)
