# find, rfind, index, rindex, count, startswith, endswith, in.
s = "the quick brown fox jumps over the lazy dog the end"
for sub in ["the", "fox", "cat", "", "e", " ", "dog the"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s, s.find(sub, 10), s.rfind(sub, 0, 20), s.count(sub, 5, 30))
print(s.index("quick"), s.rindex("the"))
for f in (lambda: s.index("cat"), lambda: s.rindex("cat"), lambda: s.index("the", 45)):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
print(s.startswith("the"), s.startswith("quick", 4), s.startswith(("a", "t")), s.endswith("end"), s.endswith(("x", "y")), s.endswith("the", 0, 34))
print("".find(""), "".count(""), "abc".count(""), "aaaa".count("aa"), "abc".find("", 10), "abc".find("", 3))
print("abc".startswith(""), "".endswith(""), "abc".find("c", -1), "abc".find("a", -100))
try:
    s.startswith(["the"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" in 5 if False else 5 in "a"
except TypeError as e:
    print(type(e).__name__, e)
