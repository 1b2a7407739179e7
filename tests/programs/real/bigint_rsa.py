# RSA with big ints: key generation from fixed primes, encryption, signing, CRT.
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse mod {m}")
    return x % m
def is_probable_prime(n, bases=(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)):
    if n < 2:
        return False
    for p in bases:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in bases:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True
def next_prime(n):
    n |= 1
    while not is_probable_prime(n):
        n += 2
    return n
p = next_prime(2 ** 127 + 12345)
q = next_prime(3 ** 81 + 67890)
print(p)
print(q)
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = modinv(e, phi)
print("n bits", n.bit_length(), "d bits", d.bit_length())
print("e*d mod phi", e * d % phi)
def encode(text):
    return int.from_bytes(text.encode("utf-8"), "big")
def decode(num):
    return num.to_bytes((num.bit_length() + 7) // 8, "big").decode("utf-8")
for msg in ["hello krait", "RSA über alles ☃", "x"]:
    m = encode(msg)
    c = pow(m, e, n)
    m2 = pow(c, d, n)
    dp, dq, qinv = d % (p - 1), d % (q - 1), modinv(q, p)
    m1, mq = pow(c, dp, p), pow(c, dq, q)
    h = qinv * (m1 - mq) % p
    crt = mq + h * q
    print(repr(msg), c % 10 ** 12, decode(m2), crt == m2)
sig = pow(encode("signed"), d, n)
print("verify", decode(pow(sig, e, n)))
try:
    modinv(6, 9)
except ValueError as err:
    print(type(err).__name__, err)
print([is_probable_prime(k) for k in (1, 2, 91, 97, 561, 2 ** 61 - 1, 2 ** 67 - 1)])
print(hex(n)[:20], oct(d)[:20], bin(e))
