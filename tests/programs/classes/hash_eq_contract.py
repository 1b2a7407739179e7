# __hash__ and __eq__: defaults, disabling, inheriting.
class Default:
    pass
a, b = Default(), Default()
print(a == a, a == b, a != b, hash(a) == hash(a), type(hash(a)).__name__)
class EqNoHash:
    def __eq__(self, o):
        return True
print(EqNoHash.__hash__)
try:
    {EqNoHash()}
except TypeError as e:
    print(type(e).__name__, e)
class EqWithHash(EqNoHash):
    def __hash__(self):
        return 1
print(len({EqWithHash(), EqWithHash()}))
class Parent:
    def __eq__(self, o):
        return True
    def __hash__(self):
        return 7
class Kid(Parent):
    def __eq__(self, o):
        return False
print(Kid.__hash__, hash(Parent()))
class KeepHash(Parent):
    def __eq__(self, o):
        return False
    __hash__ = Parent.__hash__
print(hash(KeepHash()))
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100), hash(BigHash()))
class NegOne:
    def __hash__(self):
        return -1
print(hash(NegOne()))
