m = memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('I')
print(len(m), m.itemsize, m.format, m.nbytes, m.tolist(), m[1], m.tobytes())
print(memoryview(b'\xff\xfe').cast('b').tolist(), memoryview(b'abc').cast('c').tolist(), memoryview(b'\x01\x02').cast('H').tolist())
print(m.cast('B').tolist())
for bad in ('x', 'II'):
    try:
        memoryview(b'abcd').cast(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    memoryview(b'abc').cast('I')
except TypeError as e:
    print('TypeError', e)
