# nonlocal and global scoping rules.
x = "global"
def read():
    return x
def write():
    global x
    x = "written"
def shadow():
    x = "local"
    return x
print(read(), shadow(), x)
write()
print(x)
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 1
unbound()
def nest():
    a = 1
    def level1():
        a = 2
        def level2():
            nonlocal a
            a += 10
            return a
        r = level2()
        return r, a
    r = level1()
    return r, a
print(nest())
def make_global():
    global brand_new
    brand_new = "created"
make_global()
print(brand_new)
counter = 0
def bump():
    global counter
    for _ in range(5):
        counter += 1
bump()
bump()
print(counter)
def outer():
    v = []
    def inner():
        v.append(1)
        return v
    return inner()
print(outer())
class K:
    y = 5
    def m(self):
        try:
            return y
        except NameError as e:
            return f"{type(e).__name__}: {e}"
print(K().m())
y = "module y"
print(K().m())
