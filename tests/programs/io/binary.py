# Binary mode: the Buffered* classes and bytes in and out.
NAME = "binary.tmp"

f = open(NAME, "wb")
print(type(f).__name__, repr(f), f.mode, f.name, f.closed)
print(f.readable(), f.writable(), f.seekable())
print(f.write(b"abc\n"))
print(f.write(bytearray(b"\x00\xff\r\n")))
f.writelines([b"line three\n", b"tail"])
print(f.tell())
f.close()

with open(NAME, "rb") as f:
    print(type(f).__name__, f.mode, f.readable(), f.writable())
    print(f.read(2), f.read(0), f.tell())
    print(f.readline())
    print(f.readline(2), f.readline())
    print(f.readlines())
    print(f.read(), f.read(5))
    print(f.seek(-4, 2), f.read())
    print(f.seek(1), f.seek(2, 1), f.read(3))
    print(f.seek(-2, 1), f.read(1))

with open(NAME, "rb") as f:
    print(list(f))
with open(NAME, "rb") as f:
    print(f.readlines(5))

with open(NAME, "ab") as f:
    print(type(f).__name__, f.mode, f.tell())
    f.write(b"!")

for mode in ["r+b", "w+b", "rb+", "a+b"]:
    with open(NAME, mode) as f:
        print(mode, type(f).__name__, f.mode, repr(f.read(3)))
        f.write(b"XYZ")
        f.seek(0)
        print(f.read())

with open(NAME, "w+b") as f:
    f.write(bytes(range(256)) * 40)
    print(f.tell())
    f.seek(5000)
    print(f.read(4))
    print(f.truncate(300), f.tell())
    f.seek(0)
    print(len(f.read()))

with open(NAME, "wb") as f:
    f.write("caf\u00e9\n".encode())
with open(NAME, "rb") as f:
    data = f.read()
print(data, data.decode())
