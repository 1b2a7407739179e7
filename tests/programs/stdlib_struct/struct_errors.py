import struct

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for fmt, v in [('b', 200), ('B', -1), ('h', 1 << 15), ('H', -1), ('i', 1 << 31), ('I', -1), ('I', 1 << 32),
               ('l', 1 << 63), ('L', -1), ('L', 1 << 64), ('q', 1 << 63), ('Q', -1), ('n', 1 << 63), ('N', -1),
               ('<b', 200), ('<B', 300), ('<h', 1 << 15), ('<H', -1), ('<i', 1 << 31), ('<i', -(1 << 31) - 1),
               ('<I', -1), ('<I', 1 << 32), ('<l', 1 << 31), ('<L', -1), ('<L', 1 << 32), ('<q', 1 << 63),
               ('<Q', -1), ('<Q', 1 << 64), ('e', 1e10), ('<e', 65520.0), ('<f', 1e300), ('P', 1 << 64), ('P', -1),
               ('i', 'x'), ('i', 1.0), ('f', 'x'), ('c', b'ab'), ('c', 'a'), ('s', 1), ('p', 'a')]:
    attempt(struct.pack, fmt, v)

attempt(struct.pack, 'i')
attempt(struct.pack, 'ii', 1)
attempt(struct.pack, 'i', 1, 2)
for fmt in ['z', '3', '<n', '<P', '3 i', 'i#']:
    attempt(struct.calcsize, fmt)
attempt(struct.unpack, 'i', b'abc')
attempt(struct.unpack, 'i', 'abcd')
attempt(struct.unpack_from, 'i', b'abc', 1)
attempt(struct.unpack_from, 'i', b'abcdef', -2)
attempt(struct.unpack_from, 'i', b'abcdef', -20)
attempt(struct.pack_into, 'i', bytearray(4), 2, 1)
attempt(struct.pack_into, 'i', bytearray(4), -6, 1)
attempt(struct.pack_into, 'i', bytearray(8), -2, 1)
attempt(struct.pack_into, 'i', bytes(4), 0, 1)
attempt(lambda: list(struct.iter_unpack('i', b'abcde')))
attempt(lambda: list(struct.iter_unpack('', b'abcde')))
attempt(struct.Struct, 1)
attempt(struct.Struct, 'q!')
try:
    struct.pack('b', 1000)
except struct.error as e:
    print('caught struct.error', isinstance(e, Exception))
