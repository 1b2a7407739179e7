# isinstance and issubclass with tuples, nested tuples, bool/int, unions.
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance("s", (int, (float, str))))
print(isinstance(None, type(None)), isinstance([], object), isinstance(int, type), isinstance(type, type), isinstance(type, object))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(type, object), issubclass(object, type))
print(isinstance(1, int | str), isinstance("a", int | None), issubclass(bool, int | float), isinstance(None, int | None))
for bad in [lambda: isinstance(1, "int"), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, (int, 2))]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, (B,)), issubclass(A, ()), isinstance(B(), ()))
print(type(int | str).__name__, int | str, (int | str) == (str | int))
