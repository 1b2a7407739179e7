# super() in methods, classmethods, __init__ chains, explicit two-arg form.
class Base:
    def __init__(self):
        print("Base.__init__")
        self.log = ["Base"]
    def hello(self):
        return "Base.hello"
    @classmethod
    def create(cls):
        return f"Base.create for {cls.__name__}"
class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.log.append("Left")
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.log.append("Right")
    def hello(self):
        return "Right>" + super().hello()
class Bottom(Left, Right):
    def __init__(self):
        print("Bottom.__init__")
        super().__init__()
        self.log.append("Bottom")
    def hello(self):
        return "Bottom>" + super().hello()
    @classmethod
    def create(cls):
        return "Bottom>" + super().create()
b = Bottom()
print(b.log, b.hello(), Bottom.create())
print(super(Left, b).hello(), super(Bottom, b).hello(), super(Right, b).hello())
print(super(Bottom, Bottom).create())
class Prop(Base):
    @property
    def name(self):
        return "Prop name via " + super().hello()
print(Prop().name)
try:
    super(int, b)
except TypeError as e:
    print(type(e).__name__, e)
class NoSuper:
    def m(self):
        return super().__repr__ is not None
print(NoSuper().m())
