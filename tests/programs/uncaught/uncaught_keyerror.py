# Uncaught KeyError shows the repr of the key.
d = {"x": 1}
print(d["x"])
print(d["it's missing"])
