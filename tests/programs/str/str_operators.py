# String operators: concatenation, repetition, comparison, membership.
a, b = "abc", "abd"
print(a + b, a * 3, 3 * a, a * 0, a * -1, "" * 100, a < b, a <= a, a > b, a == "abc", a != b)
print("a" < "aa", "Z" < "a", "" < "a", "abc" < "abd" < "b", "10" < "9")
print("bc" in a, "" in a, "x" not in a, a in a)
s = "x"
s += "y"
s *= 3
print(s)
print(max("hello"), min("hello"), sorted("hello"), list("abc"), tuple("ab"), set("aab") == {"a", "b"})
print(len(""), len("abc"), len("a" * 1000))
for f in (lambda: "a" + 1, lambda: "a" * "b", lambda: "a" - "b", lambda: "a" < 1, lambda: -"a", lambda: "a" * 1.5):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print("abc".__add__("d"), "ab".__mul__(2), "ab".__rmul__(2), "a".__contains__("a"), "a".__lt__(1))
print(str.__len__("abcd"), "abc".__getitem__(1), "a".__eq__("a"), "a".__hash__() == hash("a"))
print(hash("") == hash(""), hash("abc") == hash("ab" + "c"))
x = "".join(chr(ord("a") + i % 26) for i in range(100))
print(x, x.count("abc"), x[::26])
