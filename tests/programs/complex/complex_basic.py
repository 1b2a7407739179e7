# complex numbers: construction, repr, arithmetic.
vals = [1j, 1 + 2j, -1.5 - 0.5j, complex(3), complex(0, -0.0), complex(-0.0, 0), complex("1+2j"), complex(" 3-4J "), complex(2, 3.5), complex("j"), complex("-1.5e3j"), complex(1e20, 1e-20)]
for z in vals:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), abs(z))
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a, a ** 2, a ** 0.5 == a ** 0.5)
print(a == 3 + 4j, a != b, a == complex(3, 4), 3 == 3 + 0j, 1j * 1j, 1j ** 2)
print(abs(3 + 4j), (1 + 1j) * (1 - 1j), 2 * 1j, 1j / 2, (1 + 2j) + 1.5, 1 - 1j)
print(complex(1, 2) ** 3, pow(1j, 4), 0j ** 0, (2 + 0j) ** -1)
print(hash(1 + 0j) == hash(1), hash(0j) == hash(0))
for bad in [lambda: (1 + 2j) < (2 + 1j), lambda: complex("1+"), lambda: 1j // 2, lambda: 1j % 2, lambda: int(1j), lambda: float(1j), lambda: 1 / 0j, lambda: complex("1", 2), lambda: round(1j)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(complex(1.5), complex(True), complex(complex(1, 2), 1j))
print(f"{1 + 2j}", f"{3 - 4j:.2f}", format(1.5 + 2.25j, "^20"), f"{1j:g}")
print(complex(float("inf"), float("nan")), complex("inf-nanj"))
print(bool(0j), bool(1j), bool(0 + 0j), (1j).__class__.__name__)
