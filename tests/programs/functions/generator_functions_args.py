# Argument passing semantics: objects passed by reference, rebinding is local.
def mutate(lst, d):
    lst.append("added")
    d["k"] = "set"
    lst = ["rebound"]
    d = {}
    return lst, d
a, b = [1], {}
print(mutate(a, b), a, b)
def swap(x, y):
    x, y = y, x
    return x, y
p, q = 1, 2
print(swap(p, q), p, q)
def modify_tuple(t):
    t += (3,)
    return t
t = (1, 2)
print(modify_tuple(t), t)
def modify_str(s):
    s += "!"
    return s
s = "hi"
print(modify_str(s), s)
