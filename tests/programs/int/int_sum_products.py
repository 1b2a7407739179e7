# Long-running integer computations: primes, gcd, factorials, digits.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
primes = []
n = 2
while len(primes) < 100:
    if all(n % p for p in primes if p * p <= n):
        primes.append(n)
    n += 1
print(primes[:20], primes[-1])
print(sum(primes))
prod = 1
for p in primes:
    prod *= p
print(prod)
print(prod.bit_length(), len(str(prod)))
print(gcd(2 ** 100, 6 ** 50), gcd(10 ** 30 + 1, 10 ** 20 + 1), gcd(0, 5), gcd(17, 0))
print(isqrt(10 ** 40), isqrt(2 * 10 ** 40), isqrt(99))
digits = str(2 ** 1000)
print(sum(int(d) for d in digits))
print(digits[:30], digits[-30:])
counts = [digits.count(str(d)) for d in range(10)]
print(counts)
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 30)])
print(collatz(2 ** 100 + 1))
catalan = [1]
for i in range(1, 60):
    catalan.append(catalan[-1] * 2 * (2 * i - 1) // (i + 1))
print(catalan[10], catalan[59])
