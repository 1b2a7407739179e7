# Walrus in comprehensions binds to the containing function, not the comprehension.
def tally(items):
    seen = 0
    flags = [(seen := seen + 1) for it in items if it]
    return flags, seen
print(tally([1, 0, 1, 1]))
def find_first(items, pred):
    if any((found := x) and pred(x) for x in items):
        return found
    return None
print(find_first([1, 3, 8, 5], lambda v: v % 2 == 0), find_first([1, 3], lambda v: v > 5))
matches = [m for line in ["a=1", "b", "c=3"] if (m := line.partition("="))[1]]
print(matches)
print([(prev := c) for c in "xyz"], prev)
