# Mutating lists while iterating (well-defined cases), aliasing, copies.
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
for x in b:
    if len(b) < 6:
        b.append(x * 10)
print(b)
c = [1, 2, 3]
alias = c
alias += [4]
print(c, alias is c)
alias = alias + [5]
print(c, alias, alias is c)
d = [[1, 2], [3]]
shallow = d[:]
shallow[0].append(99)
shallow.append([7])
print(d, shallow)
deep = [inner[:] for inner in d]
deep[0].append(100)
print(d, deep)
e = list(range(10))
i = 0
while i < len(e):
    if e[i] % 3 == 0:
        del e[i]
    else:
        i += 1
print(e)
f = [0] * 5
for i in range(len(f)):
    f[i] = i * i
print(f)
g = [3, 1, 2]
h = g
g = sorted(g)
print(g, h)
h.sort()
print(h, g == h, g is h)
