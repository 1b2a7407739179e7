# globals() and locals().
g_var = "global value"
print("g_var" in globals(), globals()["g_var"], globals()["__name__"])
globals()["injected"] = 123
print(injected)
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
def g():
    x = 1
    l = locals()
    l["x"] = 99
    return x
print(g())
class K:
    p = 1
    q = sorted(k for k in locals() if not k.startswith("__"))
print(K.q)
print(locals() is globals())
print(type(globals()).__name__, sorted(k for k in globals() if k.startswith("__") and k in ("__name__", "__doc__", "__builtins__")))
