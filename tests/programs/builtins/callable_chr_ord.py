# callable, chr, ord.
class WithCall:
    def __call__(self):
        pass
print(callable(len), callable(lambda: 0), callable(int), callable(WithCall()), callable(WithCall), callable(1), callable("s"), callable(None))
print([chr(i) for i in [65, 97, 48, 32, 955, 0x1F600, 0x10FFFF]][:6], ord("A"), ord("é"), ord("😀"), ord("\x00"), ord(b"a"), ord(bytearray(b"z")))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr(1.5), lambda: ord(""), lambda: ord("ab"), lambda: ord(5), lambda: ord(b"ab")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("".join(chr(ord(c) + 1) for c in "HAL"), [ord(c) - 96 for c in "krait"])
