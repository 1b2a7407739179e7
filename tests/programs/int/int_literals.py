# Integer literal forms.
print(0, 00, 0_0, 1_000_000, 0x_FF, 0XAB, 0o777, 0O17, 0b1010, 0B11)
print(0xdead_beef, 0b_1111_0000, 0o_12)
print(123456789012345678901234567890123456789)
print(-0x8000000000000000, 0xFFFFFFFFFFFFFFFFFFFF)
print(type(10 ** 100).__name__)
print(1_2_3 + 4_5)
print(+5, -5, --5, -+-5, ~~5)
print(0x10 * 0o10 * 0b10)
print(1 if 0x0 else 2)
print(sum([0b1, 0o1, 0x1, 1]))
n = 1
for base in (2, 8, 16):
    n = n * base + 1
print(n)
for lit in ["0b102", "09", "1__0", "0x", "1_"]:
    try:
        compile(lit, "<lit>", "eval")
        print(lit, "compiled")
    except SyntaxError as e:
        print(lit, type(e).__name__, e.msg)
