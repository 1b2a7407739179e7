# while with else, break, continue.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i =", i)
else:
    print("while completed, i =", i)
j = 0
while True:
    j += 1
    if j > 3:
        break
    print("j =", j)
else:
    print("never printed")
k = 10
while k > 0:
    k -= 3
else:
    print("else after falsy condition, k =", k)
n = 0
while n < 0:
    print("never")
else:
    print("else runs even with zero iterations")
def find(lst, target):
    i = 0
    while i < len(lst):
        if lst[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print(target, "not found")
find([3, 5, 7], 5)
find([3, 5, 7], 4)
a, b = 0, 1
while b < 1000:
    a, b = b, a + b
print(a, b)
count = 0
outer = 0
while outer < 4:
    inner = 0
    while inner < 4:
        if inner == outer:
            inner += 1
            continue
        if inner + outer > 5:
            break
        count += 1
        inner += 1
    outer += 1
print("count", count)
