import io, sys, os

print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout, io.IOBase))
print(io.UnsupportedOperation.__mro__, io.DEFAULT_BUFFER_SIZE)
print(io.StringIO, io.BytesIO, io.FileIO, io.TextIOWrapper, io.BufferedReader, io.BufferedWriter, io.BufferedRandom)
print(io.BufferedRWPair, io.IncrementalNewlineDecoder, io.BlockingIOError is BlockingIOError, io.open is open)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.text_encoding(None), io.text_encoding('utf-8'))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedReader, io.BufferedIOBase), issubclass(io.UnsupportedOperation, ValueError))

path = 'io_module.tmp'
with io.open(path, 'w') as f:
    print(type(f).__name__, isinstance(f, io.TextIOBase))
    f.write('line one\nline two\n')
with io.open(path, 'rb') as f:
    print(type(f).__name__, isinstance(f, io.BufferedIOBase), f.read())
with io.open_code(path) as f:
    print(f.readline())
with io.FileIO(path, 'r') as f:
    print(f.mode, f.readable(), f.writable(), f.read(4), f.tell(), f.read(), f.closed)
print(f.closed, repr(f))
with io.FileIO(path, 'w') as f:
    print(f.write(b'new'), f.mode)
print(open(path).read())
try:
    io.FileIO(path, 'rw')
except ValueError as e:
    print('ValueError:', e)
os.remove(path)

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r')), repr(d.decode('', final=True)), d.newlines)
class Utf8Decoder:
    def decode(self, data, final=False):
        return data.decode('utf-8')
d = io.IncrementalNewlineDecoder(Utf8Decoder(), translate=False)
print(repr(d.decode(b'x\r\ny\n')), d.newlines)

pair = io.BufferedRWPair(io.BytesIO(b'in'), io.BytesIO())
print(pair.read(), pair.write(b'out'), pair.readable(), pair.writable())

class Counter(io.RawIOBase):
    def __init__(self):
        self.n = 0
    def readable(self):
        return True
    def readinto(self, b):
        if self.n >= 3:
            return 0
        self.n += 1
        b[0] = 65 + self.n
        return 1
print(Counter().read(), Counter().read(2))
r = io.BufferedReader(io.BytesIO(b'x')) if False else None
try:
    io.StringIO().detach()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation:', e)
