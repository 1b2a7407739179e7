# Error messages from tuple operations.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
tp = (1, 2)
t("setitem", lambda: tp.__setitem__(0, 1))
t("getitem", lambda: tp[2])
t("str idx", lambda: tp["a"])
t("add list", lambda: tp + [1])
t("mul float", lambda: tp * 1.5)
t("tuple int", lambda: tuple(5))
t("index", lambda: tp.index(3))
t("count none", lambda: tp.count())
t("unpack", lambda: [a for a, b in [tp, (1,)]])
t("lt", lambda: (1,) < ("a",))
t("hash list", lambda: hash(((1,), [1])))
t("attr", lambda: tp.sort())
