# Error messages from dict operations.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
d = {"a": 1}
t("missing", lambda: d["b"])
t("missing int", lambda: d[5])
t("missing tuple", lambda: d[(1, 2)])
t("unhashable key", lambda: d[["x"]])
t("unhashable set", lambda: d.get({1}))
t("bad update", lambda: d.update(1))
t("bad seq elem", lambda: dict(["ab", "cde"]))
t("dict str", lambda: dict("ab"))
t("fromkeys int", lambda: dict.fromkeys(5))
t("add", lambda: d + d)
t("or list", lambda: d | [("b", 2)])
t("lt", lambda: d < d)
t("kwargs", lambda: dict(d, **{"a": 2}))
t("pop 3 args", lambda: d.pop(1, 2, 3))
t("setdefault no args", lambda: d.setdefault())
t("keys arg", lambda: d.keys(1))
t("values idx", lambda: d.values()[0])
t("popitem empty", lambda: {}.popitem())
t("missing None", lambda: d[None])
