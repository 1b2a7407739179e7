# Single inheritance, overriding, isinstance/issubclass.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.name} is a {self.kind}: {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return f"{self.name} barks"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " softly"
for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(a.describe(), type(a).__name__, isinstance(a, Animal), isinstance(a, Dog), isinstance(a, Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, (int, Animal)), issubclass(Dog, Dog))
print(Puppy.__bases__, Puppy.__mro__, Animal.__subclasses__())
print(Puppy("p", 2).__dict__, Dog.kind, Puppy.kind, Animal.kind)
print(isinstance(Dog("d"), (int, str)), isinstance(3, (int, Animal)), issubclass(bool, int), issubclass(int, object))
try:
    issubclass(Dog("x"), Animal)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
