# Writing a text file and reading it back every way.
NAME = "text_write_read.tmp"

f = open(NAME, "w")
print(type(f).__name__, type(f).__module__)
print(repr(f))
print(f.name, f.mode, f.encoding, f.errors, f.closed, f.line_buffering)
print(f.readable(), f.writable(), f.seekable())
print(f.write("first line\n"))
print(f.write("second: caf\u00e9 \u00fcber \u2603\n"))
print(f.write(""))
f.writelines(["third\n", "fourth", " still fourth\n"])
print("printed", 1, 2.5, file=f)
print("no newline", end="", file=f)
f.flush()
f.close()
print(f.closed)
f.close()  # closing twice is fine

f = open(NAME)
print(repr(f.read()))
f.close()

f = open(NAME, "r")
print(repr(f.read(5)), repr(f.read(0)), repr(f.read(7)))
print(repr(f.readline()))
print(repr(f.readline(3)), repr(f.readline(100)))
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.close()

with open(NAME) as f:
    print(f.readlines(12))
    print(f.readlines(-1))

with open(NAME) as f:
    for number, line in enumerate(f, 1):
        print(number, repr(line))
    print(list(f))

with open(NAME) as f:
    print(next(f), end="")
    print(len(f.read(None)))

lines = [line.rstrip("\n") for line in open(NAME)]
print(lines)
print(sum(1 for _ in open(NAME)))
