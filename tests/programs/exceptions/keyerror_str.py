# KeyError stringifies with repr of the key.
for key in ["a", 1, (1, 2), None, "", "it's", 2.5, frozenset()]:
    try:
        {}[key]
    except KeyError as e:
        print(str(e), "|", repr(e), "|", e.args[0] == key)
try:
    set().remove("x")
except KeyError as e:
    print(e)
try:
    {}.pop("p")
except KeyError as e:
    print(e)
print(str(KeyError("a", "b")), str(KeyError()))
