# str(float) round trips and a deterministic sequence of values.
x = 0.0
seen = []
for i in range(1, 40):
    x = (x * 1.37 + i / 7) % 1000
    s = repr(x)
    assert float(s) == x
    seen.append(s)
print("\n".join(seen))
vals = [i / 10 for i in range(-15, 16)]
print(vals)
print([round(v * v, 3) for v in vals])
print([1 / k for k in range(1, 13)])
print([2.0 ** -k for k in range(0, 20)])
print([10.0 ** k for k in range(-5, 23, 3)])
