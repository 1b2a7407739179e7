# Binary trees with recursive functions over tuples and classes.
class Node:
    def __init__(self, key, left=None, right=None):
        self.key, self.left, self.right = key, left, right
def insert(node, key):
    if node is None:
        return Node(key)
    if key < node.key:
        node.left = insert(node.left, key)
    elif key > node.key:
        node.right = insert(node.right, key)
    return node
def inorder(n):
    return inorder(n.left) + [n.key] + inorder(n.right) if n else []
def height(n):
    return 1 + max(height(n.left), height(n.right)) if n else 0
def show(n, indent=0):
    if n:
        show(n.right, indent + 4)
        print(" " * indent + str(n.key))
        show(n.left, indent + 4)
root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    root = insert(root, k)
print(inorder(root), height(root))
show(root)
def paths(n, acc=()):
    if n is None:
        return []
    acc = acc + (n.key,)
    if not n.left and not n.right:
        return [acc]
    return paths(n.left, acc) + paths(n.right, acc)
for p in paths(root):
    print(p, sum(p))
