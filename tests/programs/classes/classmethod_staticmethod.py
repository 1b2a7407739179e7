# classmethod and staticmethod, alternate constructors, calling via class and instance.
class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.count += 1
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.count}"
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"), MyDate(1, 2, 3).from_string("5-6-7"))
print([y for y in range(1896, 1910) if Date.is_leap(y)], Date(1, 1, 1).is_leap(2000), Date.is_leap(1900))
print(Date.how_many(), MyDate.how_many())
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(Date.__dict__["is_leap"].__func__(2024), Date.from_string.__self__ is Date, Date.is_leap.__name__)
sm = staticmethod(lambda: "plain")
cm = classmethod(lambda cls: cls.__name__)
class Late:
    f = sm
    g = cm
print(Late.f(), Late().f(), Late.g(), Late().g())
print(callable(sm), sm())
