# Builtin functions and methods vs Python functions.
print(type(len).__name__, type([].append).__name__, type("".join).__name__, len.__name__, [].append.__name__)
print(callable(len), callable([].append), callable(print))
bound = [1, 2].append
bound(3)
print(bound.__self__, bound.__name__)
class K:
    def m(self):
        return "m"
k = K()
bm = k.m
print(type(bm).__name__, bm.__self__ is k, bm.__func__ is K.m, bm(), K.m(k), type(K.m).__name__)
print(bm == k.m, bm is k.m)
f = str.upper
print(f("abc"), list(map(str.strip, [" a ", "b  "])), sorted(["B", "a"], key=str.lower))
