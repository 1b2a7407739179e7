# Sorting and comparing strings.
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "", "a", "aa", "B", "éclair", "Zebra"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, reverse=True))
print(max(words), min(words), max(words, key=len), min(words, key=lambda w: w[::-1]))
print([w for w in words if "an" in w])
print(sorted(set(w.lower() for w in words)))
pairs = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (-p[1], p[0])))
print("abc" == "abc", "a" * 3 == "aaa", ("a" + "bc") == "abc")
print(sorted(["10", "9", "100", "1"]), sorted(["10", "9", "100", "1"], key=int))
