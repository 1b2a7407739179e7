# dict[key] in compiled loops, for str and small int keys; keys that
# could run Python code (__eq__ on a colliding key) take the generic path.


def total(prices, names):
    t = 0.0
    for name in names:
        t += prices[name]
    return t


def memo_sum(table, n):
    t = 0
    for i in range(n):
        t += table[i % 100]
    return t


class Key:
    """Hashes like the int 7 and equals it: the lookup must call __eq__."""

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return other == 7


prices = {"apple": 0.5, "pear": 0.75, "fig": 2.0, "kiwi": 1}
names = ["apple", "pear", "fig", "kiwi"] * 1000
print("total", total(prices, names))
table = {i: i * i for i in range(100)}
print("memo", memo_sum(table, 5000))
odd = {Key(): "key"}
odd.update({i: i for i in range(100) if i != 7})
try:
    print("colliding", memo_sum(odd, 5000))
except TypeError as e:
    print("colliding", e)
odd[7] = 49
print("colliding", memo_sum(odd, 5000))
# A missing key raises KeyError from the loop.
table2 = {i: i for i in range(99)}
try:
    memo_sum(table2, 5000)
except KeyError as e:
    print("missing", e)
# Values of changing kinds.
mixed = {i: (i if i % 2 else i * 0.5) for i in range(100)}
print("mixed", memo_sum(mixed, 5000))


def count_known(table, n):
    hits = misses = 0
    strs = ["0", "1", "2"]
    for i in range(n):
        if i % 150 in table:
            hits += 1
        if strs[i % 3] not in table:
            misses += 1
        known = (i % 7) in table
        if known:
            hits += 1
    return hits, misses


print("contains", count_known(table, 5000), count_known({"0": 1, 2: 2}, 3000))
print("contains colliding", count_known(odd, 3000))


def histogram(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items())


def squares(n):
    cache = {}
    t = 0
    for i in range(n):
        k = i % 50
        if k not in cache:
            cache[k] = k * k
        t += cache[k]
        t += cache.get(k + 1000, 1)
    return t, len(cache)


def relabel(n):
    names = {}
    for i in range(n):
        names[i % 10] = "x" if i % 3 else 2.5
        names["last"] = i
    return names


print("histogram", histogram(["a", "b", "a", "c", "b", "a"] * 700))
print("squares", squares(5000))
print("relabel", relabel(3000))


def fill(d, n):
    for i in range(n):
        d[i % 10] = i
    return d


colliding = fill({Key(): 0}, 3000)
print("store colliding", sorted((k if isinstance(k, int) else -1, v) for k, v in colliding.items()))
