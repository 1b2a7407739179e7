# for with else, break, continue, over many iterables.
for x in [1, 2, 3]:
    print(x, end=" ")
else:
    print("| done")
for x in []:
    print("never")
else:
    print("else on empty")
for c in "hey":
    if c == "e":
        continue
    print(c)
for i in range(10):
    if i == 4:
        print("break at", i)
        break
else:
    print("not printed")
print("i after loop:", i)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for i, (a, b) in enumerate(zip("xy", [1, 2])):
    print(i, a, b)
for x in (1, 2), (3, 4):
    print(x)
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
total = 0
for row in [[1, 2], [3], [], [4, 5, 6]]:
    for item in row:
        if item % 2 == 0:
            continue
        total += item
print("odd total", total)
lst = [1, 2, 3]
for lst[0] in range(3):
    pass
print(lst)
class C:
    pass
o = C()
for o.attr in "ab":
    print(o.attr)
for _ in range(2):
    print("underscore loop")
