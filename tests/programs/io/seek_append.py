# Append mode, read/write modes, seek, tell and truncate.
NAME = "seek_append.tmp"

with open(NAME, "w") as f:
    print(f.tell())
    f.write("0123456789\n")
    print(f.tell())
    f.write("abc\u00e9\n")
    print(f.tell())

with open(NAME, "a") as f:
    print(f.mode, f.tell(), f.readable(), f.writable())
    f.write("appended\n")
    print(f.tell())
with open(NAME) as f:
    print(repr(f.read()))

with open(NAME, "a+") as f:
    f.write("more\n")
    print(f.seek(0))
    print(repr(f.readline()))
    f.write("at end anyway\n")
    f.seek(0)
    print(f.read().splitlines())

with open(NAME, "r+") as f:
    print(repr(f.read(4)), f.tell())
    print(f.seek(2))
    f.write("XY")
    print(f.tell())
    f.seek(0)
    print(repr(f.readline()))
    pos = f.tell()
    print(repr(f.readline()))
    f.seek(pos)
    print(repr(f.readline()))
    print(f.seek(0, 2))
    print(f.seek(0, 1))
    print(f.truncate(11))
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
    f.seek(3)
    print(f.truncate())
    f.seek(0)
    print(repr(f.read()))

with open(NAME, "w+") as f:
    print(repr(f.read()))
    f.write("hello\nworld\n")
    f.seek(0)
    print(f.readlines())
    for args in [(1, 1), (-1, 2), (-1,), (0, 3)]:
        try:
            f.seek(*args)
        except Exception as e:
            print(type(e).__name__, e)
    try:
        f.seek(1, 1)
    except OSError as e:
        print(type(e).__name__, type(e).__module__, isinstance(e, ValueError))
