# Augmented assignment on ints, overflow into big ints.
x = 1
for op in range(70):
    x += x
print(x)
x -= 2 ** 70
print(x)
y = 7
y *= 10 ** 20
print(y)
y //= 3
print(y)
y %= 1000
print(y)
y **= 5
print(y)
y <<= 65
print(y)
y >>= 60
print(y)
y &= 0xFFFF
print(y)
y |= 1 << 80
print(y)
y ^= 1 << 80
print(y)
z = -1
z *= -1
print(z)
acc = 0
for i in range(1, 101):
    acc += i * i * i
print(acc, (100 * 101 // 2) ** 2)
fib = [0, 1]
while len(fib) < 150:
    fib.append(fib[-1] + fib[-2])
print(fib[100], fib[149])
print(fib[149] % 10 ** 9, fib[149] // 10 ** 20)
