# Conway's Game of Life on a set of live cells, with pattern detection via frozensets.
def neighbors(cell):
    r, c = cell
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr or dc:
                yield (r + dr, c + dc)
def step(live):
    counts = {}
    for cell in live:
        for n in neighbors(cell):
            counts[n] = counts.get(n, 0) + 1
    return frozenset(cell for cell, k in counts.items() if k == 3 or (k == 2 and cell in live))
def normalize(live):
    if not live:
        return frozenset()
    r0 = min(r for r, _ in live)
    c0 = min(c for _, c in live)
    return frozenset((r - r0, c - c0) for r, c in live)
def render(live, rows, cols):
    return ["".join("#" if (r, c) in live else "." for c in range(cols)) for r in range(rows)]
def parse(lines):
    return frozenset((r, c) for r, line in enumerate(lines) for c, ch in enumerate(line) if ch == "#")
PATTERNS = {
    "blinker": [".#.", ".#.", ".#."],
    "glider": [".#.", "..#", "###"],
    "block": ["##", "##"],
    "toad": [".###", "###."],
    "r-pentomino": [".##", "##.", ".#."],
    "diehard": ["......#.", "##......", ".#...###"],
}
for name, lines in PATTERNS.items():
    live = parse(lines)
    seen = {normalize(live): 0}
    history = [live]
    result = "still running after 200 generations"
    for gen in range(1, 201):
        live = step(live)
        history.append(live)
        if not live:
            result = f"died at generation {gen}"
            break
        key = normalize(live)
        if key in seen:
            first = seen[key]
            moved = min(live) != min(history[first])
            result = f"{'spaceship' if moved else 'oscillator' if gen - first > 1 else 'still life'} with period {gen - first} (from gen {first})"
            break
        seen[key] = gen
    print(f"{name:12} {result}; population now {len(live)}")
glider = parse(PATTERNS["glider"])
for gen in range(5):
    print(f"gen {gen}:")
    for row in render(glider, 5, 5):
        print("   ", row)
    glider = step(glider)
rp = parse(PATTERNS["r-pentomino"])
pops = []
for _ in range(100):
    rp = step(rp)
    pops.append(len(rp))
print(pops[:20], max(pops), pops[-1])
