"""Set-heavy code: membership tests, set algebra (union, intersection,
difference), set comprehensions, a flood fill that keeps its visited
cells in a set of tuples, and happy numbers found by cycle detection in sets."""


class Lcg:
    """A linear congruential generator: deterministic pseudo-random data."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % bound


def flood_fill(walls, start, size):
    """Count the cells reachable from start on a size x size board."""
    seen = {start}
    todo = [start]
    while todo:
        x, y = todo.pop()
        for cell in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if cell in seen or cell in walls:
                continue
            cx, cy = cell
            if 0 <= cx < size and 0 <= cy < size:
                seen.add(cell)
                todo.append(cell)
    return len(seen)


def happy_numbers(limit):
    """Numbers whose digit-square chain reaches 1; cycles detected by a set."""
    happy, unhappy = {1}, set()
    for n in range(1, limit):
        chain = set()
        m = n
        while m not in happy and m not in unhappy and m not in chain:
            chain.add(m)
            m = sum(int(d) ** 2 for d in str(m))
        if m in happy:
            happy |= chain
        else:
            unhappy |= chain
    return happy


def main():
    rng = Lcg(2024)
    checksum = 0
    for _ in range(30):
        a = {rng.next_int(50_000) for _ in range(20_000)}
        b = {rng.next_int(50_000) for _ in range(20_000)}
        checksum += len(a | b) + len(a & b) * 3 + len(a - b) * 5 + len(a ^ b) * 7
        checksum += sum(1 for x in range(50_000) if x in a and x not in b)
        evens = {x for x in a if x % 2 == 0}
        checksum += len(evens) + (evens <= a) + a.isdisjoint(b)
        c = set(a)
        for x in b:
            c.discard(x)
        checksum += len(c)

    size = 200
    walls = {(rng.next_int(size), rng.next_int(size)) for _ in range(size * size // 3)}
    walls.discard((0, 0))
    checksum += flood_fill(walls, (0, 0), size)
    checksum += len(happy_numbers(150_000))
    print(f"checksum: {checksum}")


main()
