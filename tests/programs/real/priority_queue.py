# A binary heap priority queue, a task scheduler on top of it, and Dijkstra.
class Heap:
    def __init__(self, key=lambda x: x):
        self.items = []
        self.key = key
    def __len__(self):
        return len(self.items)
    def push(self, item):
        self.items.append(item)
        i = len(self.items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.key(self.items[i]) < self.key(self.items[parent]):
                self.items[i], self.items[parent] = self.items[parent], self.items[i]
                i = parent
            else:
                break
    def pop(self):
        if not self.items:
            raise IndexError("pop from empty heap")
        top = self.items[0]
        last = self.items.pop()
        if self.items:
            self.items[0] = last
            i, n = 0, len(self.items)
            while True:
                l, r, smallest = 2 * i + 1, 2 * i + 2, i
                if l < n and self.key(self.items[l]) < self.key(self.items[smallest]):
                    smallest = l
                if r < n and self.key(self.items[r]) < self.key(self.items[smallest]):
                    smallest = r
                if smallest == i:
                    break
                self.items[i], self.items[smallest] = self.items[smallest], self.items[i]
                i = smallest
        return top
    def peek(self):
        return self.items[0]
    def __iter__(self):
        while self:
            yield self.pop()
values = [(i * 7919) % 503 for i in range(60)]
h = Heap()
for v in values:
    h.push(v)
out = list(h)
print(out == sorted(values), out[:10], out[-5:])
try:
    h.pop()
except IndexError as e:
    print(type(e).__name__, e)
class Task:
    seq = 0
    def __init__(self, priority, name):
        self.priority, self.name = priority, name
        Task.seq += 1
        self.seq = Task.seq
    def __repr__(self):
        return f"Task({self.priority}, {self.name!r})"
tasks = Heap(key=lambda t: (t.priority, t.seq))
for p, n in [(3, "write docs"), (1, "fix crash"), (2, "review"), (1, "deploy hotfix"), (5, "refactor"), (2, "triage")]:
    tasks.push(Task(p, n))
while tasks:
    t = tasks.pop()
    print("run", t.priority, t.name)
graph = {
    "A": {"B": 7, "C": 9, "F": 14}, "B": {"A": 7, "C": 10, "D": 15}, "C": {"A": 9, "B": 10, "D": 11, "F": 2},
    "D": {"B": 15, "C": 11, "E": 6}, "E": {"D": 6, "F": 9}, "F": {"A": 14, "C": 2, "E": 9}, "G": {},
}
def dijkstra(start):
    dist = {start: 0}
    prev = {}
    pq = Heap(key=lambda e: (e[0], e[1]))
    pq.push((0, start))
    done = set()
    while pq:
        d, node = pq.pop()
        if node in done:
            continue
        done.add(node)
        for nxt, w in sorted(graph[node].items()):
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                pq.push((nd, nxt))
    return dist, prev
dist, prev = dijkstra("A")
for node in sorted(graph):
    if node not in dist:
        print(node, "unreachable")
        continue
    path = [node]
    while path[-1] != "A":
        path.append(prev[path[-1]])
    print(node, dist[node], "->".join(reversed(path)))
def kth_smallest(seq, k):
    h = Heap(key=lambda x: -x)
    for x in seq:
        h.push(x)
        if len(h) > k:
            h.pop()
    return h.peek()
print([kth_smallest(values, k) for k in (1, 5, 20)], sorted(values)[:20:5])
