# __import__ builtin.
m = __import__("math")
print(m.__name__, m.sqrt(16), m is __import__("math"))
s = __import__("sys")
print(s.__name__, "math" in s.modules)
try:
    __import__("no_such_module_xyz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
t = __import__("time", fromlist=["time"])
print(t.__name__, callable(t.time))
