# Converting between numbers and strings in bulk.
for n in [0, 7, -7, 12345, 10 ** 20, -(10 ** 15)]:
    s = str(n)
    print(s, len(s), s.zfill(25), s.rjust(25, "."), int(s) == n, s[::-1], s.lstrip("-").isdigit())
for x in [0.5, -2.25, 1e-3, 123456.0, 1 / 7]:
    s = repr(x)
    print(s, float(s) == x, s.partition("."), s.split("e"))
digits = "".join(str(i % 10) for i in range(1, 61))
print(digits, int(digits) % 97, int(digits[::-1]) % 97)
print(",".join(f"{i:x}" for i in range(0, 256, 17)))
print(" ".join(format(i, "08b") for i in (0, 1, 127, 128, 255)))
groups = [digits[i:i + 7] for i in range(0, len(digits), 7)]
print(groups)
print(sum(int(g) for g in groups))
