# divmod, floor division and modulo sign rules, pow with modulus.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 10), (-1, 10), (10 ** 20, 7), (-(10 ** 20), 7), (10 ** 20, -(10 ** 9 + 7))]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
for a, b in [(1, 0), (10 ** 30, 0), (0, 0)]:
    try:
        a // b
    except ZeroDivisionError as e:
        print("//", type(e).__name__, e)
    try:
        a % b
    except ZeroDivisionError as e:
        print("%", type(e).__name__, e)
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print("divmod", type(e).__name__, e)
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(0, 0))
print(pow(3, 200, 1000000007))
print(pow(2, 10 ** 18, 10 ** 9 + 9))
print(pow(-3, 5, 7), pow(3, 5, -7), pow(-3, 5, -7))
print(pow(3, -1, 7), pow(10, -2, 13))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 5, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(pow(5, 0, 1), pow(0, 5, 3))
print(2 ** -2, (-2) ** -3, 0 ** 0)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 // -2, -7.5 % 2)
print(5 % 3.0, -5 % 3.0, 5.0 // 0.3)
