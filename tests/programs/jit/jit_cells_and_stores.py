# Traced loops that store into lists and read and write closure cells.


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


primes = sieve(20000)
print(len(primes), primes[-3:])


def running(xs):
    out = [0] * len(xs)
    total = 0
    for i in range(len(xs)):
        total += xs[i]
        out[i] = total
        out[-1] = i  # the last item is overwritten each time, then read
        if out[-1] != i:
            print("stale read")
    return out[:3], out[-3:]


print(running(list(range(3000))))
floats = [i * 0.5 for i in range(3000)]
print(running(floats))
try:
    running([1] * 1500 + ["x"] + [1] * 10)
except TypeError as e:
    print("TypeError", e)


def counter():
    count = 0
    step = 2

    def bump(n):
        nonlocal count
        for i in range(n):
            count += step
            if i == n - 3:
                count = count + 0.5
        return count

    return bump


bump = counter()
print(bump(3000), bump(10))


def shadow():
    values = []
    factor = 3
    for i in range(2000):
        values.append(i)
    total = [0]

    def add_all():
        for v in values:
            total[0] += v * factor
        return total[0]

    first = add_all()
    values[1000] = "s"
    try:
        add_all()
    except TypeError as e:
        print("TypeError", e)
    return first


print(shadow())


def index_errors(n):
    xs = [0] * 100
    try:
        for i in range(n):
            xs[i] = i
    except IndexError as e:
        print("IndexError", e, i)
    return sum(xs)


print(index_errors(3000))
