# LEGB resolution, class scopes, comprehension scopes.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer(), x)
print(len("builtin ok"))
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
class A:
    v = 1
    w = [v * i for i in range(3)] if False else None
    doubled = v * 2
    def get(self):
        return self.v
print(A.doubled, A().get())
class B:
    names = ["a", "b"]
    try:
        upper = [n.upper() for n in names]
    except NameError as e:
        upper = str(e)
print(B.upper)
class C:
    k = 3
    try:
        vals = [k * i for i in range(3)]
    except NameError as e:
        vals = f"NameError: {e}"
print(C.vals)
def f():
    return [locals().get("y", "no y") for _ in range(1)]
print(f())
def del_local():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(del_local())
