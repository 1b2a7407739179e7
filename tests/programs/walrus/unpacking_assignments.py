# Chained assignment, multiple targets, evaluation order of targets.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
lst = [0, 0, 0]
i = 0
i, lst[i] = 2, 5
print(i, lst)
d = {}
d["a"] = d["b"] = 1
print(d)
p = q = 5
p += 1
print(p, q)
(m, n), k = "ab", "c"
print(m, n, k)
[u, v] = (1, 2)
print(u, v)
class A:
    pass
obj = A()
obj.x, obj.y = 3, 4
print(obj.x, obj.y)
t = 1, 2,
print(t)
s1, s2, s3 = {"k1": 1, "k2": 2, "k3": 3}
print(s1, s2, s3)
