# Generators as methods: __iter__ generators, tree traversal.
class Tree:
    def __init__(self, value, *children):
        self.value, self.children = value, list(children)
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def bfs(self):
        queue = [self]
        while queue:
            node = queue.pop(0)
            yield node.value
            queue.extend(node.children)
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()
    def paths(self, prefix=()):
        prefix = prefix + (self.value,)
        if not self.children:
            yield prefix
        for c in self.children:
            yield from c.paths(prefix)
t = Tree(1, Tree(2, Tree(4), Tree(5, Tree(8))), Tree(3, Tree(6), Tree(7)))
print(list(t), list(t.bfs()), list(t.leaves()), list(t.paths()), sum(t), max(t), 8 in t)
