"""Integer loops: a sieve of Eratosthenes, Collatz chain lengths and a digit
sum, all plain `for`/`while` loops over small ints."""


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for multiple in range(i * i, limit + 1, i):
                is_prime[multiple] = False
        i += 1
    return [n for n in range(limit + 1) if is_prime[n]]


def collatz_length(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def digit_sum(n):
    total = 0
    while n:
        total += n % 10
        n //= 10
    return total


def main():
    primes = sieve(400_000)
    longest, longest_start = 0, 0
    for start in range(1, 120_000):
        length = collatz_length(start)
        if length > longest:
            longest, longest_start = length, start
    digits = 0
    for n in range(1, 300_000):
        digits += digit_sum(n) ^ (n & 7)
    print(f"checksum: {len(primes)} {primes[-1]} {longest_start} {longest} {digits}")


main()
