# Iterating over ranges in loops, including negative steps and nesting.
for i in range(3):
    for j in range(i, 3):
        print(i, j, end="; ")
print()
print([i for i in range(10, -10, -3)], list(range(-3, 3)), list(range(3, -3, -1)))
total = 0
for i in range(1, 1000, 2):
    total += i
print(total)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "stop"))
r = range(5)
print(list(zip(r, r[1:])), list(enumerate(r[::-2])))
print(list(map(lambda x: x ** 2, range(6))), [x for x in range(20) if x % 3 == 0])
for step in (1, 2, 5, -1, -4):
    print(step, list(range(0 if step > 0 else 10, 10 if step > 0 else 0, step)))
