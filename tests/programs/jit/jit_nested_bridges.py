# Inner loops inside outer loops: the inner loop's exit gets a bridge that
# runs the rest of the outer loop's body (other inner loops unrolled) and
# comes back to the inner loop's header.


def grid_sum(rows, n):
    total = 0.0
    for _ in range(n):
        for row in rows:
            total += row[0] * 0.5 + row[1]
        for k in (1, 2, 3):
            total -= k
    return total


rows = [(float(i), i) for i in range(7)]
print(grid_sum(rows, 2000))


def lengths_change(n):
    out = []
    data = [1, 2, 3]
    for i in range(n):
        s = 0
        for x in data:
            s += x
        out.append(s)
        if i % 500 == 499:
            data.append(i)
    return out[-1], len(out), sum(out)


print(lengths_change(3000))


def while_outer(n):
    i = 0
    acc = 0
    pairs = [(1, 2), (3, 4), (5, 6)]
    while i < n:
        for a, b in pairs:
            acc += a * b - i % 3
        i += 1
    return acc


print(while_outer(3000))


def shared_iterator(xs):
    # The exhausted iterator must stay exhausted even when its list grows.
    seen = 0
    for _ in range(400):
        it = iter(xs)
        for x in it:
            seen += x
        xs.append(1)
        xs.pop()
        for x in it:
            seen += 1000
    return seen


print(shared_iterator([1, 2, 3, 4]))


def types_change(n):
    total = 0
    items = [1, 2, 3]
    for i in range(n):
        for x in items:
            total += x
        if i == n - 10:
            items = [0.5, 1.5]
    return total


print(types_change(3000))
