# Operator precedence and associativity.
print(1 + 2 * 3, (1 + 2) * 3, 2 * 3 ** 2, -2 ** 0.5 if False else -2 ** 2, 10 - 4 - 3, 100 / 10 / 5, 2 ** 2 ** 3)
print(1 + 2 << 3, 1 + (2 << 3), 1 << 2 + 3, 6 & 3 | 8, 6 & (3 | 8), 5 ^ 3 & 1, (5 ^ 3) & 1, 1 | 2 ^ 3 & 4)
print(not 1 == 2, not (1 == 2), (not 1) == 2, 1 < 2 == 2 > 1, 3 > 2 > 1, (3 > 2) > 1)
print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(1 if True else 2 if False else 3, (1 if False else 2) + 10, 1 + (2 if False else 3))
print(-3 * -3, - - 3, 2 * -3, 3 - -3, 2 ** -2 * 4, -2 ** -2)
print(7 // 2 * 2, 7 // (2 * 2), 7 % 4 * 2, 7 % (4 * 2), 2 * 7 % 4)
print("a" + "b" * 3, ("a" + "b") * 3, [1] + [2] * 2, "x" in "xy" == True, ("x" in "xy") == True)
print((1 < 2) is not None, 5 in [5] in [[5]], (lambda: 0 if False else 1)() is not None)
x = 5
print(x > 3 and x < 10 or x == 0, x & 1 == 1, (x & 1) == 1, x | 2 == 7, x ^ 1 + 1)
print(~x + 1, ~(x + 1), -x ** 2, (-x) ** 2, x ** -1 * 5)
f = lambda a: a * 2
print(f(3) + 1, [f][0](4), {"k": f}["k"](5) ** 2)
