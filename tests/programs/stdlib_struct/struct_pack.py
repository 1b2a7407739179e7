import struct

for fmt in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'P', 'e', 'f', 'd', '?', 'c', 'x', 's', 'p',
            '<i', '>i', '!H', '=l', '<q', 'bi', 'bq', 'bd', '=bi', '@b0i', 'b0i', '0s', 'hP', '3x', '5p', 'c?',
            'ii ', 'i i', ' 3i', '10s2h', '<10s2h']:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1))
print(struct.pack('>bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1))
print(struct.pack('bhiq', 1, 2, 3, 4))
print(struct.pack('<efd', 1.5, -2.25, 3.125), struct.pack('>efd', 1.5, -2.25, 3.125))
print(struct.pack('<e', 65519.0), struct.pack('<e', 1e-8), struct.pack('<e', 6e-8), struct.pack('<e', float('inf')))
print(struct.pack('<d', float('nan')), struct.pack('<e', -0.0))
print(struct.pack('5p', b'abcdefg'), struct.pack('3s', b'a'), struct.pack('0s', b'abc'), struct.pack('1p', b'abc'))
print(struct.pack('?c?', 0, b'x', [1]), struct.pack('2xi2x', 7))
print(struct.pack('<i', True), struct.pack('<f', 3))

class Idx:
    def __index__(self):
        return 42
print(struct.pack('<H', Idx()))

print(struct.unpack('<bBhHiIqQ', struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1)))
print(struct.unpack('<5s5p?c', b'hello\x03abcd\x01x'))
print(struct.unpack('<efd', struct.pack('<efd', 1.5, -2.25, 3.125)))
print(struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x01\x00'), struct.unpack('>f', b'\x7f\x7f\xff\xff'))
print(struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.unpack('2xi2x', struct.pack('2xi2x', 7)))
print(struct.unpack_from('<h', b'abcdef', 2), struct.unpack_from('<h', b'abcdef', -2), struct.unpack_from('<h', b'abcdef', offset=4))
print(struct.unpack('>I', bytearray(b'\x00\x00\x01\x00')), struct.unpack('>I', memoryview(b'\x00\x00\x01\x01')))

b = bytearray(8)
struct.pack_into('<hi', b, 1, 5, -1)
print(b)
struct.pack_into('<h', b, -2, 0x4142)
print(b)

it = struct.iter_unpack('<h', b'abcdef')
print(it.__length_hint__(), list(it), type(it).__name__)

s = struct.Struct('<hi')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'), type(s).__name__)
print(struct.Struct(b'>q').format, list(s.iter_unpack(bytes(12))), s.unpack_from(bytes(8), 2))
ba = bytearray(6)
s.pack_into(ba, 0, 3, 4)
print(ba)
struct._clearcache()
print(struct.error.__module__, struct.error.__mro__)
