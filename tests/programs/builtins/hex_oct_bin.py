# hex, oct, bin on ints and __index__ objects.
for n in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 100), True]:
    print(n, hex(n), oct(n), bin(n))
class I:
    def __index__(self):
        return 10
print(hex(I()), oct(I()), bin(I()))
for bad in [1.5, "10", None]:
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2), (255).__format__("x"))
