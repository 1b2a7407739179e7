# Comparisons of strs in compiled loops, specialised or at sites that also
# see ints: equality, order (by code points), and str against int.


def classify(tokens):
    counts = [0, 0, 0, 0]
    for t in tokens:
        if t == "+":
            counts[0] += 1
        elif t == "dup":
            counts[1] += 1
        elif isinstance(t, str) and t != "x" and t < "m":
            counts[2] += 1
        else:
            counts[3] += 1
    return counts


print(classify(["+", 3, "dup", "apple", "x", "zebra", 7, "é", "Z", "+"] * 300))


def ordered(words):
    out = 0
    for a, b in zip(words, words[1:]):
        if a <= b:
            out += 1
        if a > b:
            out -= 2
        if a >= b and a != b:
            out += 3
    return out


print(ordered(["pear", "peach", "pea", "", "∑x", "∑", "ÿ", "z", "peach"] * 250))


def mixed(values):
    n = 0
    for v in values:
        if v == "7":
            n += 1
        if 7 != v:
            n += 10
        if "" == v:
            n += 100
    return n


print(mixed(["7", 7, "", 0, "77"] * 500))


def lexmax(words):
    best = ""
    for w in words:
        if w > best:
            best = w
    return best


print(lexmax(["a%d" % (i * 7919 % 1000) for i in range(3000)]))
