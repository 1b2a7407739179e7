# Big integer arithmetic: +, -, *, //, %, ** on numbers far past 64 bits.
a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // b, a % b)
print(b // 12345678901234567890, b % 12345678901234567890)
print(-a // 7, -a % 7)
print(a // -7, a % -7)
print(a ** 3)
print((-a) ** 3)
print(10 ** 50 + 1)
print(10 ** 50 - 1)
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(len(str(f)))
print(f // (2 ** 47))
print(f % 1000003)
x = 1
for i in range(200):
    x = x * 3 + 1
print(x)
print(x.bit_length())
print(sum(range(10 ** 6)))
print(2 ** 64 - 1, 2 ** 64, 2 ** 64 + 1)
print(-(2 ** 63), -(2 ** 63) - 1)
print((2 ** 63 - 1) * 2)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(4611686018427387904 * 2)
print(0 * 10 ** 40, (10 ** 40) * 0)
print(abs(-(10 ** 30)))
print(-(10 ** 30) // 10 ** 29)
print((10 ** 30) == 10 ** 30, (10 ** 30) < 10 ** 30 + 1)
print(int("123456789012345678901234567890") * 2)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(10 ** 30), hash(-1), hash(-2))
