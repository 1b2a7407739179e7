# Formatting complex numbers.
vals = [0j, 1j, -1j, 1 + 0j, -0.0 + 0j, 1.5 - 2.25j, 1e20j, 1e-7 + 1e7j, complex(-0.0, -0.0)]
for z in vals:
    print(repr(z), f"{z:.3f}", f"{z:e}", f"{z:g}", f"{z:>30}", f"{z:+.1f}", "%s %r" % (z, z))
try:
    f"{1j:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{1j:010}"
except ValueError as e:
    print(type(e).__name__, e)
print(str(complex(1, float("inf"))), repr(complex(float("nan"), 1)))
