# Graph algorithms with sets.
edges = [(1, 2), (2, 3), (3, 1), (4, 5), (6, 6), (7, 8), (8, 9)]
adj = {}
for a, b in edges:
    adj.setdefault(a, set()).add(b)
    adj.setdefault(b, set()).add(a)
seen = set()
components = []
for start in sorted(adj):
    if start in seen:
        continue
    comp, stack = set(), [start]
    while stack:
        n = stack.pop()
        if n not in comp:
            comp.add(n)
            stack.extend(adj[n] - comp)
    seen |= comp
    components.append(sorted(comp))
print(components)
def powerset(items):
    out = [frozenset()]
    for it in items:
        out += [s | {it} for s in out]
    return out
ps = powerset([1, 2, 3])
print(len(ps), sorted(sorted(s) for s in ps))
a = set("abcdefg")
b = set("defghij")
print("".join(sorted(a & b)), "".join(sorted(a ^ b)), len(a | b))
venn = {"only a": a - b, "only b": b - a, "both": a & b}
for k, v in venn.items():
    print(k, "".join(sorted(v)))
