# replace, translate, maketrans.
s = "banana bandana"
print(s.replace("an", "AN"), s.replace("an", "AN", 2), s.replace("x", "y"), s.replace("", "-"), s.replace("", "-", 3), s.replace("a", ""))
print("aaa".replace("a", "aa"), "".replace("", "x"), "abc".replace("abc", ""), "abc".replace("", ""))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-abc".translate(t))
t2 = str.maketrans({"a": "1", "b": None, "c": "333"})
print(sorted(t2.items()), "abcabc".translate(t2))
t3 = str.maketrans("ab", "cd", "xyz")
print("axbycz".translate(t3))
print("hello".translate({ord("l"): "L", ord("o"): None}))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": "c"}), lambda: str.maketrans(1), lambda: "x".translate({120: 5})]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Table:
    def __getitem__(self, k):
        if k == ord("q"):
            raise LookupError
        return chr(k).upper()
print("quick".translate(Table()))
