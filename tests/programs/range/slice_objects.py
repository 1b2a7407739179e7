# slice objects: attributes, indices(), use with custom __getitem__.
s = slice(1, 10, 2)
print(s, repr(s), s.start, s.stop, s.step, slice(5), slice(None), slice(1, None, -1))
for sl in [slice(None), slice(2, None), slice(None, -2), slice(None, None, -1), slice(-100, 100, 3), slice(8, 2, -2), slice(5, 1)]:
    print(sl, sl.indices(10), list(range(10))[sl], "abcdefghij"[sl])
try:
    slice(1, 2, 0).indices(10)
except ValueError as e:
    print(type(e).__name__, e)
class Seq:
    def __getitem__(self, key):
        return key
q = Seq()
print(q[1:2], q[::3], q[1:2, 3], q[:], q[1:2:3], q["a":"b"])
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
try:
    hash(slice(1, 2))
    print("hashable")
except TypeError as e:
    print(type(e).__name__, e)
data = list(range(20))
window = slice(5, 15)
print(data[window], data[window][::2], "x" * 20 and "0123456789"[slice(3, 7)])
