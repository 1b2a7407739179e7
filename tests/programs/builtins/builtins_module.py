# The builtins namespace and shadowing builtins.
import sys
b = sys.modules["builtins"]
print(b.__name__, b.len("abc"), hasattr(b, "print"), "len" in dir(b))
len = lambda x: "shadowed len"
print(len("abc"), b.len("abc"))
del len
print(len("abc"))
b.my_new_builtin = "visible everywhere"
print(my_new_builtin)
del b.my_new_builtin
try:
    my_new_builtin
except NameError as e:
    print(type(e).__name__, e)
print(sorted(n for n in dir(b) if n.endswith("Error"))[:10])
