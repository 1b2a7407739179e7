# Formatting ints: hex/oct/bin, format specs, % formatting.
nums = [0, 7, -7, 255, -255, 65535, 2 ** 40, -(2 ** 70)]
for n in nums:
    print(hex(n), oct(n), bin(n))
    print(format(n, "x"), format(n, "X"), format(n, "o"), format(n, "b"), format(n, "d"))
    print(format(n, "#x"), format(n, "#o"), format(n, "#b"), format(n, "#X"))
    print(format(n, ","), format(n, "_"), format(n, "_x"), format(n, "_b"))
    print("[" + format(n, "10") + "]", "[" + format(n, "<10") + "]", "[" + format(n, "^10") + "]", "[" + format(n, "=10") + "]")
    print("[" + format(n, "+") + "]", "[" + format(n, " ") + "]", "[" + format(n, "010") + "]", "[" + format(n, "*>+12,") + "]")
    print("%d %5d %-5d| %05d %x %X %o %+d %i" % (n, n, n, n, n, n, n, n, n))
print(format(1234567, "e"), format(1234567, ".2f"), format(12, "%"), format(65, "c"))
print("%c%c" % (72, "i"))
print(f"{255:#010x} {255:08b} {-3:04d} {1000000:,d}")
print("%#x %#o %#X" % (255, 8, 255))
print("%.3d|%10.4d|%-8x|" % (5, 42, 255))
try:
    format(5, "s")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(5, ",b")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
print("%d" % 3.99, "%x" % 255)
try:
    "%x" % 2.5
except TypeError as e:
    print(type(e).__name__, e)
print(format(True, "d"), format(False, "#x"), f"{True:5}")
