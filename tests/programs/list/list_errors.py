# Error messages from list operations.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
a = [1, 2, 3]
t("idx", lambda: a[3])
t("neg idx", lambda: a[-4])
t("assign idx", lambda: a.__setitem__(5, 0))
t("del idx", lambda: a.__delitem__(5))
t("str idx", lambda: a["0"])
t("float idx", lambda: a[float(1)])
t("none idx", lambda: a[None])
t("add tuple", lambda: a + (4,))
t("mul list", lambda: a * a)
t("sub", lambda: a - a)
t("remove", lambda: a.remove(9))
t("index", lambda: a.index("x"))
t("pop empty", lambda: [].pop())
t("pop range", lambda: a.pop(10))
t("sort mixed", lambda: [1, None].sort())
t("unhashable", lambda: {a: 1})
t("in set", lambda: a in {1})
t("list int", lambda: list(3))
t("append 2", lambda: a.append(1, 2))
t("step zero", lambda: a[::0])
t("lt mixed", lambda: [1] < ["1"])
