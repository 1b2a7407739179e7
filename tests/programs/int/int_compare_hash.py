# Comparisons and hashing between int, bool and float.
print(1 == 1.0, hash(1) == hash(1.0), hash(True) == hash(1))
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 == 1.0)
print(0 == False, 1 == True, 2 == True)
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
d2 = {}
d2[2 ** 70] = "big"
print(d2[2 ** 70], d2.get(2.0 ** 70))
for v in [0, 1, -1, -2, 7, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 100, -(2 ** 100)]:
    print(v, hash(v))
print(hash(1.5), hash(-0.5), hash(0.0) == hash(-0.0))
print(float("nan") == float("nan"))
print(5 != 5.0, 5 is not None)
try:
    print(1 < "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([] < 1)
except TypeError as e:
    print(type(e).__name__, e)
print(1 == "1", 1 != "1")
print(max(1, 1.0), max(1.0, 1), min(True, 1))
print(sorted([3, 1.5, True, 2, 0.5, False]))
