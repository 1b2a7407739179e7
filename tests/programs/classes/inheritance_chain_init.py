# Cooperative __init__ with **kwargs through a diamond.
class Base:
    def __init__(self, **kw):
        print("Base gets", sorted(kw))
        self.base = True
class Named(Base):
    def __init__(self, name, **kw):
        self.name = name
        super().__init__(**kw)
class Aged(Base):
    def __init__(self, age, **kw):
        self.age = age
        super().__init__(**kw)
class Person(Named, Aged):
    def __init__(self, **kw):
        super().__init__(**kw)
p = Person(name="ann", age=3)
print(p.name, p.age, p.base, [c.__name__ for c in Person.__mro__])
try:
    Person(name="x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    Person(name="x", age=1, extra=2)
except TypeError as e:
    print(type(e).__name__, e)
