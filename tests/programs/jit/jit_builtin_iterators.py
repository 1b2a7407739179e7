# `for` over str, dict and set iterators in compiled loops: characters
# (shared or not, seen or not), keys and values, sets, and containers
# changed while they are iterated.


def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)


print(caesar("hello, world! " * 200, 3)[:40])
print(caesar("naïve café ∑ fin " * 120, 5)[-40:])


def count_vowels(words):
    n = 0
    for w in words:
        for ch in w:
            if ch in "aeiou":
                n += 1
    return n


print(count_vowels(["banana", "kiwi", "apple", "€uro", ""] * 400))


def dict_walk(d, rounds):
    total = 0
    keys = 0
    for _ in range(rounds):
        for k in d:
            keys += len(k)
        for v in d.values():
            total += v
        for k, v in d.items():
            total -= v
    return total, keys


print(dict_walk({"a" * i: i for i in range(1, 30)}, 60))


def set_walk(s, rounds):
    t = 0
    for _ in range(rounds):
        for x in s:
            t += x
    return t


print(set_walk({3, 1, 4, 1, 5, 9, 2, 6}, 500))


def mutate_while_iterating():
    d = {i: i for i in range(2000)}
    seen = 0
    try:
        for k in d:
            seen += 1
            if k == 1500:
                d[-1] = 0
    except RuntimeError as e:
        print("dict:", e, seen)
    s = set(range(2000))
    seen = 0
    try:
        for x in s:
            seen += 1
            if seen == 1700:
                s.add(-5)
    except RuntimeError as e:
        print("set:", e, seen)


mutate_while_iterating()


def reversed_dict(d, n):
    out = []
    for _ in range(n):
        for k in reversed(d):
            out.append(k)
    return out[-5:], len(out)


print(reversed_dict(dict.fromkeys("abcdefg"), 300))


def chars_then_numbers(n):
    t = 0
    for i in range(n):
        for ch in str(i):
            t += ord(ch) - 48
    return t


print(chars_then_numbers(3000))
