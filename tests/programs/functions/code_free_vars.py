# Code objects with free variables need a matching closure.
def outer():
    x = 1
    def inner(): return x
    return inner
def g(): pass
try:
    g.__code__ = outer().__code__
except ValueError as e:
    print(e)
try:
    exec(outer().__code__)
except TypeError as e:
    print(e)
