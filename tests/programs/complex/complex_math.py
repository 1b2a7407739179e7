# Complex arithmetic with exact results, mixed with int and float.
z = 0j
for k in range(1, 9):
    z = z * 1j + k
    print(k, z)
roots = []
w = 1 + 0j
for k in range(8):
    roots.append(w)
    w *= 1j
print(roots)
print(sum(roots), sum([1 + 1j, 2 - 3j, -3 + 2j]))
print([c.real for c in roots], [c.imag for c in roots])
def mandel(c, limit=30):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit
for y in range(-5, 6):
    print("".join("#" if mandel(complex(x / 10, y / 5)) == 30 else "." for x in range(-20, 6)))
print((2 + 3j) * 2, 2 * (2 + 3j), (2 + 3j) / 2, (4 + 2j) - 4, 4 - (4 + 2j))
a = 1 + 1j
a += 1
a *= 2j
a -= 1j
a /= 2
print(a)
print(complex.__name__, isinstance(1j, complex), type(1j + 1).__name__)
