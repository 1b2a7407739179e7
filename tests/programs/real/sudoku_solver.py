# A sudoku solver with constraint propagation and backtracking.
PUZZLES = [
    "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    "000000907000420180000705026100904000050000040000507009920108000034059000507000000",
    "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
]
def parse(s):
    return [[int(s[r * 9 + c]) for c in range(9)] for r in range(9)]
def candidates(grid, r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]
class Stats:
    def __init__(self):
        self.guesses = 0
        self.backtracks = 0
def solve(grid, stats):
    best = None
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                cands = candidates(grid, r, c)
                if not cands:
                    return False
                if best is None or len(cands) < len(best[2]):
                    best = (r, c, cands)
    if best is None:
        return True
    r, c, cands = best
    for d in cands:
        if len(cands) > 1:
            stats.guesses += 1
        grid[r][c] = d
        if solve(grid, stats):
            return True
    grid[r][c] = 0
    stats.backtracks += 1
    return False
def valid(grid):
    groups = [row for row in grid] + [list(col) for col in zip(*grid)]
    groups += [[grid[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(sorted(g) == list(range(1, 10)) for g in groups)
def show(grid):
    for r, row in enumerate(grid):
        if r and r % 3 == 0:
            print("------+-------+------")
        print(" | ".join(" ".join(str(d or ".") for d in row[i:i + 3]) for i in (0, 3, 6)))
for p in PUZZLES:
    g = parse(p)
    stats = Stats()
    ok = solve(g, stats)
    print("solved" if ok else "no solution", "valid" if ok and valid(g) else "", "guesses", stats.guesses, "backtracks", stats.backtracks)
    show(g)
    print("".join(str(d) for row in g for d in row))
bad = parse("123456780" + "000000009" + "0" * 63)
print("contradictory puzzle:", solve(bad, Stats()))
