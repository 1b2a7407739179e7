"""Tuple packing and unpacking: multiple assignment and swaps, functions
returning tuples, star-unpacking, tuples as dict keys and sort keys, zip and
enumerate, and 2-D vector arithmetic on tuples."""


class Lcg:
    """A linear congruential generator: deterministic pseudo-random data."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % bound


def divmod_chain(n, bases):
    digits = []
    for base in bases:
        n, digit = divmod(n, base)
        digits.append(digit)
    return tuple(digits), n


def add(u, v):
    (ux, uy), (vx, vy) = u, v
    return ux + vx, uy + vy


def scale(u, k):
    x, y = u
    return x * k, y * k


def min_max_sum(values):
    first, *rest = values
    low = high = total = first
    for v in rest:
        low, high, total = min(low, v), max(high, v), total + v
    return low, high, total


def gcd_steps(a, b):
    steps = 0
    while b:
        a, b = b, a % b
        steps += 1
    return a, steps


def main():
    rng = Lcg(31337)
    checksum = 0

    for n in range(450_000):
        digits, rest = divmod_chain(n * 7919, (60, 60, 24, 7))
        seconds, minutes, hours, days = digits
        checksum += seconds + minutes * 2 + hours * 3 + days * 4 + rest

    position, velocity = (0, 0), (1, -1)
    for step in range(700_000):
        position = add(position, scale(velocity, step % 5))
        if step % 7 == 0:
            velocity = (-velocity[1], velocity[0])
    checksum += position[0] * 3 + position[1]

    points = [(rng.next_int(100), rng.next_int(100)) for _ in range(10_000)]
    grid_counts = {}
    for x, y in points:
        key = (x // 10, y // 10)
        grid_counts[key] = grid_counts.get(key, 0) + 1
    busiest = max(grid_counts.items(), key=lambda item: (item[1], item[0]))
    checksum += busiest[1] + busiest[0][0] * 10 + busiest[0][1]

    for _ in range(45):
        low, high, total = min_max_sum([x * y for x, y in points])
        checksum += low + high + total

    for i, (a, b) in enumerate(zip(range(1, 350_000), range(699_999, 1, -2))):
        g, steps = gcd_steps(a, b)
        checksum += g + steps + (i & 1)

    a, b, c = 1, 2, 3
    for _ in range(700_000):
        a, b, c = b, c, (a + b + c) % 10007
    checksum += a + b + c
    print(f"checksum: {checksum}")


main()
