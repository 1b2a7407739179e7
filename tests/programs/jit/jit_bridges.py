# Branchy loops: guards that fail often get bridges back into the loop.
# Each bridge must continue with the exact state, and its own guards must
# resume correctly too.


def collatz(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


print(sum(collatz(i) for i in range(1, 3000)))


def fizz(n):
    a = b = c = 0
    for i in range(n):
        if i % 15 == 0:
            c += 1
        elif i % 5 == 0:
            b += 2
        elif i % 3 == 0:
            a += 3
        else:
            a -= 1
    return a, b, c


print(fizz(30000))


# A bridge whose path changes a local's kind: it cannot go back into the
# loop, and the program must still be right.
def drift(n):
    x = 0
    for i in range(n):
        if i % 7 == 3:
            x = x + 1
        if i == n - 5:
            x = x + 0.5
    return x


print(drift(20000))


# Overflow inside a bridge's path.
def grow(n):
    x = 1
    for i in range(n):
        if i % 3 == 0:
            x = x * 2
        else:
            x += 1
    return x % 1000000007


print(grow(3000))


# Floats and attributes on both sides of a branch.
class Acc:
    def __init__(self):
        self.pos = 0.0
        self.neg = 0.0


def split(values):
    acc = Acc()
    for v in values:
        if v >= 0.0:
            acc.pos += v
        else:
            acc.neg -= v
    return acc.pos, acc.neg


print(split([(-1.0) ** i * i * 0.5 for i in range(5000)]))


# A branch whose condition comes from a list that changes under the loop.
def count_true(flags):
    n = 0
    for f in flags:
        if f:
            n += 1
    return n


flags = [i % 3 == 0 for i in range(6000)]
print(count_true(flags))
flags[4000:4010] = [1, 0, 2.5, 0.0, "x", "", None, [], [1], 7]
print(count_true(flags))
