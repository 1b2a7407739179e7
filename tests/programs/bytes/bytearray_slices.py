# Slice assignment and deletion on bytearray.
ba = bytearray(range(10))
print(list(ba))
ba[2:5] = b""
print(list(ba))
ba[0:0] = bytes([100, 101])
print(list(ba))
ba[-2:] = [7, 7, 7]
print(list(ba))
del ba[::3]
print(list(ba))
ba[1::2] = bytes(len(ba[1::2]))
print(list(ba))
ba[:] = b"reset"
print(ba)
ba[10:20] = b"!"
print(ba)
try:
    ba[::2] = b"too many bytes"
except ValueError as e:
    print(type(e).__name__, e)
try:
    ba[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
x = bytearray(b"abc")
x[1:2] = x
print(x)
y = bytearray(b"aaa")
for i in range(len(y)):
    y[i] += i
print(y, bytes(y) == b"abc")
