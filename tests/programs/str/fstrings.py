# f-strings: expressions, specs, conversions and the = specifier.
x, y, name = 42, 3.14159, "krait"
items = [1, 2, 3]
print(f"{x} {y} {name}", f"{x + 1} {x * 2:05d} {y:.2f} {name!r} {name!s} {name!a}")
print(f"{x=}", f"{y=:.3f}", f"{name=!s}", f"{x + 1 = }", f"{items[1]=}", f"{ x = }")
print(f"{'nested'}", f"{'a' if x > 0 else 'b'}", f"{items!r:>15}", f"{len(items)}")
print(f"{{braces}}", f"{{{x}}}", f"{x:{'>'}{10}}|", f"{y:{x % 10}.{2}f}")
width, prec = 12, 4
print(f"[{y:{width}.{prec}}]", f"[{name:^{width}}]", f"[{x:<{width}d}]")
print(f"{3.0:g} {1e10:,.0f} {0.5:.0%} {255:#x} {255:#o} {-5:+d}")
print(f"{'ünïcödé'} {'☃' * 3} {chr(0x1F600)!a}")
d = {"k": "v"}
print(f"{d['k']}", f"{d}", f"{(lambda a: a * 2)(4)}", f"{[i * i for i in range(4)]}")
print(f"""triple {x}
second line {y:.1f}""")
print(rf"raw \n {x}", fr"\t{name}")
class T:
    def __format__(self, spec):
        return f"T<{spec}>"
    def __repr__(self):
        return "T()"
    def __str__(self):
        return "T-str"
t = T()
print(f"{t}", f"{t:abc}", f"{t!r}", f"{t!s}", f"{t=}", f"{t=:xy}", f"{t!r:>6}")
print(f"{x!r:>6}|{x:<6}|{x:^6}|")
print(f"{'a' 'b'}", f"{x}" f"{y}", "plain" f"{x}")
print(f"{x:,}", f"{10 ** 9:_}", f"{-0.0:.1f}", f"{True}", f"{None}")
