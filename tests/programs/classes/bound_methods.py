# Bound/unbound methods, methods stored and called later, method equality.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, greeting="hi"):
        return f"{greeting} {self.name}"
g1, g2 = Greeter("ann"), Greeter("bob")
f = g1.greet
print(f(), f("yo"), Greeter.greet(g2), Greeter.greet(g2, "hey"))
print(f.__self__.name, f.__func__.__name__, f == g1.greet, f == g2.greet, g1.greet.__func__ is g2.greet.__func__)
handlers = [g1.greet, g2.greet]
print([h("hello") for h in handlers])
print(list(map(Greeter.greet, [g1, g2])))
try:
    Greeter.greet()
except TypeError as e:
    print(type(e).__name__, e)
class Meth:
    def m(self):
        return self
print(Meth.m("not a Meth"))
