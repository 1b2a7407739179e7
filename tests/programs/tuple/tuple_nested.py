# Nested tuples as immutable trees.
tree = (1, (2, (4,), (5,)), (3, (6, (7,)), ()))
def depth(t):
    return 1 + max((depth(c) for c in t[1:] if c), default=0) if t else 0
def values(t):
    if not t:
        return []
    out = [t[0]]
    for c in t[1:]:
        out += values(c)
    return out
print(depth(tree), values(tree), len(tree))
def show(t, indent=0):
    if not t:
        return
    print("  " * indent + str(t[0]))
    for c in t[1:]:
        show(c, indent + 1)
show(tree)
print(tree[1][1], tree[2][1][1], tree == (1, (2, (4,), (5,)), (3, (6, (7,)), ())))
frozen = tuple(tuple(row) for row in [[1, 2], [3, 4]])
print(frozen, {frozen: "matrix"}[((1, 2), (3, 4))])
