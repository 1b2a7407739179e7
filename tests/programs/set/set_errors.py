# Error messages from set operations.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
s = {1, 2}
t("remove", lambda: s.remove(3))
t("pop empty", lambda: set().pop())
t("add list", lambda: s.add([1]))
t("index", lambda: s[0])
t("plus", lambda: s + s)
t("or list", lambda: s | [3])
t("sub tuple", lambda: s - (1,))
t("update int", lambda: s.update(5))
t("frozenset add", lambda: frozenset().add(1))
t("hash set", lambda: hash(s))
t("set of sets", lambda: {s})
t("lt int", lambda: s < 3)
t("issubset int", lambda: s.issubset(3))
t("in unhashable", lambda: [1] in s)
