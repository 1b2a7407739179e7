# Hot float loops: sums, mixed int/float arithmetic, division, comparisons.
def float_sum(n):
    s = 0.0
    for i in range(n):
        s += i * 0.5
    return s

def harmonic(n):
    h = 0.0
    k = 1.0
    while k <= n:
        h += 1.0 / k
        k += 1.0
    return h

def newton(x, steps):
    guess = x
    for _ in range(steps):
        guess = (guess + x / guess) * 0.5
    return guess

def leaves_range(n):
    # values leave the immediate-float range (zeros, huge numbers)
    x = 1.0
    zeros = 0
    for i in range(n):
        x = x * 1e10
        if x > 1e300:
            x = 0.0
            zeros += 1
        x = x + 1.0
    return x, zeros

print(float_sum(5000))
print(harmonic(5000))
print(newton(2.0, 3000))
print(leaves_range(3000))
