# The 4300-digit limit on int <-> str conversion (CPython 3.11).
import sys
print(sys.get_int_max_str_digits())
ok = int("9" * 4300)
print(len(str(ok)))
try:
    int("9" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
big = 10 ** 4300
try:
    str(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(big)
except ValueError as e:
    print("print:", type(e).__name__, e)
try:
    repr(big)
except ValueError as e:
    print("repr:", type(e).__name__, e)
try:
    f"{big}"
except ValueError as e:
    print("fstr:", type(e).__name__, e)
print(len(hex(big)) > 4000)
print(big.bit_length())
print(big % 1000007)
try:
    int("1" + "0" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(int("0x" + "f" * 5000, 16).bit_length())
print(int("1" * 5000, 2).bit_length())
neg = -(10 ** 4299)
print(len(str(neg)))
try:
    str(-(10 ** 4300))
except ValueError as e:
    print(type(e).__name__, e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
try:
    int("7" * 5001)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
print(int("  1_000_000  "))
print(int("-0"), int("+42"))
