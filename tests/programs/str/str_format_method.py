# str.format with positional, keyword, index, attribute and specs.
print("{} {} {}".format(1, "a", None), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}), "{.real} {.imag}".format(3 + 4j, 3 + 4j))
print("{:>8}|{:<8}|{:^8}|{:*^9}|".format("r", "l", "c", "s"))
print("{:d} {:5d} {:05d} {:+d} {:x} {:#b} {:,}".format(1, 2, 3, 4, 255, 5, 1234567))
print("{:.3f} {:10.2e} {:%} {:g}".format(3.14159, 12345.678, 0.25, 0.00001))
print("{!r} {!s} {!a}".format("q", "q", "ñ"), "{0!r:>10}".format("x"))
print("{{literal}} {}".format(5), "{:{w}.{p}f}".format(3.14159, w=10, p=3), "{:{}}".format("x", 4) + "|")
print("{0:{1}}".format(42, "08b"), "{:s}".format("str"), "{}".format([1, {2: 3}]))
d = {"name": "Bob", "n": 3}
print("{name} has {n}".format(**d), "{name}".format_map(d))
class Point:
    def __init__(self):
        self.x, self.y = 1, 2
print("({p.x}, {p.y})".format(p=Point()))
for fmt, args, kwargs in [("{}", (), {}), ("{1}", (1,), {}), ("{a}", (), {}), ("{", (), {}), ("}", (), {}), ("{0} {}", (1, 2), {}), ("{:d}", ("x",), {}), ("{!x}", (1,), {}), ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {})]:
    try:
        print(fmt.format(*args, **kwargs))
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(repr(fmt), type(e).__name__, e)
print("{:=+10d}|{:=10}|".format(42, -3.5), "{:_x}".format(2 ** 32), "{:c}".format(9731))
print("{:10}|{:<10}|{:>10}".format(12, 12, "s"))
print(format("abc", ">6"), format("abc", ".2"), format(12.5, "08.2f"), format("", "*^3"))
