# sys module attributes that are deterministic.
import sys
print(sys.version_info[:2] >= (3, 11), sys.version_info.major, type(sys.version_info).__name__ if False else "vi")
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder in ("little", "big"))
print(sys.argv[0], len(sys.argv))
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules, "__main__" in sys.modules)
print(sys.getrecursionlimit(), sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, hasattr(sys.stdin, "readline"))
print(callable(sys.exit), sys.exc_info(), sys.flags.optimize, sys.get_int_max_str_digits())
print(sys.maxunicode, sys.implementation.name in ("cpython", "krait"), isinstance(sys.platform, str))
