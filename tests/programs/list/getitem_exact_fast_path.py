l=[1,2,3]; t=(1,2); s="abc"
print(l[1:], t[::-1], s[1:], s[-1])
for bad in ["x", 1.5, 2**70]:
    for c in (l, t, s):
        try: c[bad]
        except Exception as e: print(type(e).__name__, e)
