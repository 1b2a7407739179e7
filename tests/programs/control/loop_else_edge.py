# Loop else with exceptions, return inside loops, and loop variables.
def f(items):
    for x in items:
        if x < 0:
            return f"negative {x}"
    else:
        return "all non-negative"
print(f([1, 2]), f([1, -2, 3]), f([]))
def g():
    try:
        for x in range(3):
            if x == 1:
                raise ValueError("boom")
        else:
            print("unreachable")
    except ValueError as e:
        print("caught", e, "x =", x)
g()
for i in range(3):
    pass
print("i survives:", i)
try:
    for k in []:
        pass
    print(k)
except NameError as e:
    print(type(e).__name__, e)
n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("while-else n =", n)
