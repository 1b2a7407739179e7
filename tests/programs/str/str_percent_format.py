# printf-style % formatting.
print("%s and %s" % ("a", "b"), "%r" % "q", "%a" % "é", "%5s|%-5s|" % ("ab", "cd"), "%.2s" % "abcdef")
print("%d%%" % 50, "%c" % 65, "%c" % "z", "%5.1f%%" % 99.55)
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%(x)r" % {"x": [1]})
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159))
print("%s" % (1, ), "%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (None, True))
print("%x %X %o %e %E %g %G" % (255, 255, 8, 12345.678, 0.00012, 1e-10, 1e20))
print("%#x %#o %+d % d %05d %-5d| %+.2e" % (255, 8, 5, 5, -42, 7, 12345.6789))
print("%i %u" % (3, 4), "%%" % ())
for fmt, args in [("%d", ()), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", (1,)), ("%(a)s", (1,)), ("%d", ("x",)), ("%c", (1114112,)), ("%c", ("ab",)), ("%(a)s %s", {"a": 1})]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
print("%s" % "x" * 3, "%s-%s" % tuple("ab"))
print("%.3s|%10.3s|%-10.3s|" % ("abcdef", "abcdef", "abcdef"))
print("%r %r %r" % (1.0, "it's", b"x"))
print("%5.2f %-8.3e| %G" % (2.5, 0.000123, 0.00001))
class P:
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
print("%s %r" % (P(), P()))
