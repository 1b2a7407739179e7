"""Big-int arithmetic: digits of pi from Gibbons' unbounded spigot
algorithm, where the state is a 2x2 matrix of ever-growing integers."""


def pi_digits(count):
    """Yield the first `count` decimal digits of pi."""
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    produced = 0
    while produced < count:
        if 4 * q + r - t < n * t:
            yield n
            produced += 1
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)


def main():
    digits = "".join(str(d) for d in pi_digits(5000))
    assert digits.startswith("31415926535897932384626433832795028841971")
    checksum = sum(int(d) * (i % 7 + 1) for i, d in enumerate(digits))
    print(f"checksum: {digits[-20:]} {checksum}")


main()
