# Tuples built in compiled loops: returned and unpacked, indexed, stored,
# kept across iterations, compared, and of floats that change form.


def divmod_pair(a, b):
    return a // b, a % b


def swap_sum(n):
    a, b = 0, 1
    t = 0
    for i in range(n):
        q, r = divmod_pair(i + 7, 3)
        pair = (q, r)
        t += pair[0] - pair[-1] + q * r
        a, b = b, (a + b) % 1000
    return t, a, b


print(swap_sum(4000))


def keep_pairs(n):
    out = []
    last = ()
    for i in range(n):
        p = (i, i * 0.5, "x")
        out.append(p)
        last = p
    return len(out), out[3], last, out[10] == (10, 5.0, "x")


print(keep_pairs(3000))


def points(n):
    pts = []
    for i in range(n):
        pts.append((i * 1.5, -i * 0.25, 0.0))
    t = 0.0
    for x, y, z in pts:
        t += x * y + z
    return t


print(points(2000))


class Box:
    def __init__(self):
        self.pos = (0, 0)


def attr_tuples(n):
    b = Box()
    for i in range(n):
        x, y = b.pos
        b.pos = (y + 1, x)
    return b.pos


print(attr_tuples(3001))


def single_and_quad(n):
    t = 0
    for i in range(n):
        one = (i,)
        quad = (i, i + 1, i + 2, i + 3)
        t += one[0] + quad[3] - quad[-4] + len(quad)
        if i % 1000 == 999:
            print(one, quad[1:3], quad.count(i))
    return t


print(single_and_quad(3000))


def big_and_small(n):
    t = 0
    for i in range(n):
        a, b = (i * 2**40, 1e300 * (i % 2))
        t += a // 2**40 + (b > 1)
    return t


print(big_and_small(2500))
