# The allowed stdlib modules import and expose expected names.
import sys, math, time
import math as m2
from math import sqrt, pi as PI
from sys import maxsize
print(sys.__name__, math.__name__, time.__name__, m2 is math, sqrt(81), PI == math.pi, maxsize == 2 ** 63 - 1)
print(all(hasattr(math, n) for n in ["floor", "ceil", "gcd", "inf", "nan", "isclose", "log", "comb"]))
print(all(hasattr(time, n) for n in ["time", "perf_counter", "monotonic", "sleep"]))
print(all(hasattr(sys, n) for n in ["argv", "path", "modules", "exit", "stdout", "stderr", "stdin", "version_info", "maxsize", "getrecursionlimit"]))
