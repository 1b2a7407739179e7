import io

def attempt(f, *args):
    try:
        r = f(*args)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = io.BytesIO(b'abc\ndef\nghi')
print(b.readline(), b.read(2), b.read(), b.tell(), b.getvalue(), b.read())
b.seek(1)
print(b.write(b'ZZ'), b.getvalue(), b.tell())
print(b.seek(-2, 2), b.read(), b.seek(-1, 1), b.read(), b.seek(-100, 1))
print(list(io.BytesIO(b'x\ny\nz')), io.BytesIO(b'1\n2\n').readlines())
b = io.BytesIO()
print(b.write(bytearray(b'ab')), b.write(memoryview(b'cd')), b.getvalue())
b.seek(6)
b.write(b'!')
print(b.getvalue(), b.truncate(3), b.getvalue(), b.tell())
buf = bytearray(2)
b.seek(0)
print(b.readinto(buf), buf, b.read1(5), b.readline(1))
attempt(b.write, 'str')
attempt(b.seek, -1)
attempt(b.seek, 0, 5)
attempt(b.truncate, -2)
attempt(b.fileno)
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed, b.flush())
with io.BytesIO(b'q') as f:
    print(f.read(), f.closed)
print(f.closed)
attempt(f.read)
attempt(f.getvalue)
print(type(f).__name__, type(f).__module__, isinstance(f, io.BufferedIOBase), isinstance(f, io.IOBase))
print(io.BytesIO(bytearray(b'xy')).getvalue(), io.BytesIO(None).getvalue())
