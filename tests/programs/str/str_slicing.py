# Indexing and slicing strings with steps.
s = "abcdefghij"
for i in [0, 1, 9, -1, -10]:
    print(i, s[i])
for idx in [10, -11, 100]:
    try:
        s[idx]
    except IndexError as e:
        print(idx, type(e).__name__, e)
sls = [(None, None, None), (2, None, None), (None, 3, None), (2, 8, 2), (None, None, -1), (8, 2, -1), (8, 2, -3), (-3, None, None),
       (None, -3, None), (-100, 100, None), (5, 2, None), (None, None, 3), (1, None, -2), (-1, -11, -1), (100, None, -1), (None, None, 100)]
for a, b, c in sls:
    print(a, b, c, repr(s[a:b:c]), repr(s[slice(a, b, c)]))
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1] = "x"
except TypeError as e:
    print(type(e).__name__, e)
u = "héllo wörld ☃ 𝄞!"
print(len(u), u[::-1], u[6:11], u[-3], u[-2], u[::2])
print(s[True], s[False:True + 2])
print("".join(reversed(s)) == s[::-1], s[:0] == "", s[len(s):] == "")
