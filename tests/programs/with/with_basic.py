# with statements: enter/exit order, as-targets, multiple managers.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False
with CM("a") as x:
    print("body", x)
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with (CM("p1") as p, CM("p2")):
    print("parenthesized", p)
with CM("nested-outer"):
    with CM("nested-inner") as inner:
        print("inner body", inner)
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        pass
with Pair() as (first, second):
    print(first, second)
holder = {}
with Pair() as holder["k"]:
    pass
print(holder)
