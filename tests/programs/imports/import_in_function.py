# Imports inside functions and classes are local bindings.
def f():
    import pkg_basic.consts as c
    from pkg_basic import greet
    return c.PI, greet("f")
print(f())
print("c" in globals(), "greet" in globals())
class K:
    import pkg_basic.consts as consts
    value = consts.PI * 10
print(K.value, K.consts.E)
def lazy():
    from pkg_basic.helpers import bump
    return bump()
print(lazy(), lazy())
