"""List-heavy code: a matrix product on lists of lists, a Game of Life grid,
list comprehensions, slicing, append/pop as a stack, insert and reversal."""


class Lcg:
    """A linear congruential generator: deterministic pseudo-random data."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % bound


def matrix_multiply(a, b):
    columns = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, column)) for column in columns] for row in a]


def life_step(grid):
    rows, cols = len(grid), len(grid[0])
    new_grid = []
    for r in range(rows):
        new_row = []
        for c in range(cols):
            neighbours = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr or dc:
                        neighbours += grid[(r + dr) % rows][(c + dc) % cols]
            alive = grid[r][c]
            new_row.append(1 if neighbours == 3 or (alive and neighbours == 2) else 0)
        new_grid.append(new_row)
    return new_grid


def stack_machine(program):
    """Evaluate a list of postfix operations with a list as the stack."""
    stack = []
    for op in program:
        if op == "+":
            b, a = stack.pop(), stack.pop()
            stack.append(a + b)
        elif op == "*":
            b, a = stack.pop(), stack.pop()
            stack.append(a * b % 1000003)
        elif op == "dup":
            stack.append(stack[-1])
        else:
            stack.append(op)
    return stack


def rotate_and_merge(values):
    """Slicing, reversal, extend and insert on a mid-sized list."""
    result = values[:]
    for shift in range(1, 40):
        result = result[shift:] + result[:shift]
        result.reverse()
        head = result[:10]
        head.sort()
        result[:10] = head
        result.insert(len(result) // 2, shift)
        del result[-1]
    return result


def main():
    rng = Lcg(42)
    size = 110
    a = [[rng.next_int(10) for _ in range(size)] for _ in range(size)]
    b = [[rng.next_int(10) for _ in range(size)] for _ in range(size)]
    product = matrix_multiply(a, b)
    checksum = sum(sum(row) for row in product)

    grid = [[rng.next_int(2) for _ in range(48)] for _ in range(48)]
    for _ in range(400):
        grid = life_step(grid)
    checksum += sum(map(sum, grid))

    program = []
    for i in range(400_000):
        program.append(rng.next_int(100))
        program.append("dup")
        program.append("+*"[i % 2] if i else "+")
    program = [op for op in program if op != "+"] + ["+"] * 3
    stack = stack_machine(program[:-3])
    checksum += len(stack) + sum(stack[-100:])

    values = [rng.next_int(1000) for _ in range(2000)]
    for _ in range(240):
        values = rotate_and_merge(values)
    checksum += sum(i * v for i, v in enumerate(values))
    print(f"checksum: {checksum}")


main()
