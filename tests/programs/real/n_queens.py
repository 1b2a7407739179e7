# N-queens: count all solutions, print the first few boards, using generators and bitmasks.
def solutions(n):
    cols = [0] * n
    def place(row, used_cols, diag1, diag2):
        if row == n:
            yield tuple(cols)
            return
        free = ~(used_cols | diag1 | diag2) & ((1 << n) - 1)
        while free:
            bit = free & -free
            free ^= bit
            cols[row] = bit.bit_length() - 1
            yield from place(row + 1, used_cols | bit, (diag1 | bit) << 1, (diag2 | bit) >> 1)
    yield from place(0, 0, 0, 0)
def board(sol):
    n = len(sol)
    return ["".join("Q" if c == col else "." for c in range(n)) for col in sol]
for n in range(1, 10):
    sols = list(solutions(n))
    print(n, len(sols), sols[0] if sols else None)
first = next(solutions(8))
print("\n".join(board(first)))
def canonical(sol):
    n = len(sol)
    variants = []
    s = list(sol)
    for _ in range(4):
        s = [None] * n if False else [n - 1 - s.index(r) if r in s else 0 for r in range(n)]
        variants.append(tuple(s))
        variants.append(tuple(n - 1 - x for x in s))
    return min(variants)
unique = {canonical(s) for s in solutions(8)}
print("fundamental solutions of 8 queens:", len(unique))
def is_valid(sol):
    return all(sol[i] != sol[j] and abs(sol[i] - sol[j]) != j - i for i in range(len(sol)) for j in range(i + 1, len(sol)))
print(all(is_valid(s) for s in solutions(8)), is_valid((0, 1)))
