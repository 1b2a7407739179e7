# Classic algorithms on lists: binary search, merge sort, quicksort, rotations.
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
data = sorted((i * 37) % 101 for i in range(50))
print(data)
for x in [0, 1, 50, 100, 101, -5]:
    print(x, bsearch(data, x))
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    l, r = merge_sort(a[:m]), merge_sort(a[m:])
    out, i, j = [], 0, 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    return out + l[i:] + r[j:]
def quick(a):
    if len(a) <= 1:
        return a
    p = a[len(a) // 2]
    return quick([x for x in a if x < p]) + [x for x in a if x == p] + quick([x for x in a if x > p])
raw = [(i * 7919 + 13) % 257 - 128 for i in range(40)]
print(merge_sort(raw))
print(quick(raw) == sorted(raw), merge_sort(raw) == sorted(raw))
def rotate(a, k):
    k %= len(a)
    return a[-k:] + a[:-k]
print([rotate(list(range(6)), k) for k in (0, 1, 2, 6, -1)])
def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten([1, [2, [3, [4, [5]]]], [], [[6, 7]]]))
def chunks(a, n):
    return [a[i:i + n] for i in range(0, len(a), n)]
print(chunks(list(range(11)), 3))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
def dedupe(a):
    seen, out = set(), []
    for x in a:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
print(dedupe([3, 1, 3, 2, 1, 5, 2]))
