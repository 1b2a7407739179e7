# Text layout: boxes, alignment, number columns.
def box(lines):
    width = max(len(l) for l in lines)
    print("+" + "-" * (width + 2) + "+")
    for l in lines:
        print("| " + l.ljust(width) + " |")
    print("+" + "-" * (width + 2) + "+")
box(["Krait", "a Python in Rust", "tests"])
box(["x"])
for n in range(1, 10):
    print(" ".join(f"{n * m:3d}" for m in range(1, 10)))
for i in range(5):
    print(("*" * (2 * i + 1)).center(9, "."))
print("|".join(s.center(7) for s in ["a", "bb", "ccc"]))
print("%-10s|%10s|" % ("left", "right"))
