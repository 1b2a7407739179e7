# Custom containers receiving slices in get/set/del.
class Recorder:
    def __init__(self):
        self.data = list(range(10))
    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self.data))
            print("get slice", start, stop, step)
            return self.data[key]
        print("get index", key)
        return self.data[key]
    def __setitem__(self, key, value):
        print("set", key, value)
        self.data[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.data[key]
r = Recorder()
print(r[2:5], r[-1], r[::-3])
r[0:2] = ["a", "b", "c"]
r[5] = "five"
del r[::4]
print(r.data)
print(r[1:100:2])
