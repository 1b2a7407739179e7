# Circular imports between two modules of a package.
from pkg_circ import a
print("main: a.A_VALUE =", a.A_VALUE)
print("main: a.use_b() =", a.use_b())
from pkg_circ import b
print("main: b.B_VALUE =", b.B_VALUE, "b.a is a:", b.a is a)
