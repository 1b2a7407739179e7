# Every augmented assignment operator, on names, attributes, subscripts.
x = 10
for op, f in [("+=", lambda: 3), ("-=", lambda: 4)]:
    pass
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x /= 3; print(x)
x //= 2; print(x)
x %= 5; print(x)
x **= 3; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 0b0001; print(y)
y ^= 0b1111; print(y)
y <<= 4; print(y)
y >>= 2; print(y)
class Obj:
    pass
o = Obj()
o.n = 1
o.n += 10
o.n *= 2
print(o.n)
lst = [1, 2, 3]
lst[1] += 100
lst[-1] **= 2
print(lst)
d = {"a": "x"}
d["a"] *= 3
d["a"] += "!"
print(d)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [5]
arr[idx()] += 1
print(arr, calls)
s = "ab"
s *= 2
s += "c"
print(s)
t = (1,)
t += (2,)
print(t)
m = [[1]]
m[0] *= 3
print(m)
try:
    undefined_name += 1
except NameError as e:
    print(type(e).__name__, e)
try:
    u = None
    u += 1
except TypeError as e:
    print(type(e).__name__, e)
