# __class_getitem__ and generic aliases of builtins.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item!r}]"
print(Box[int], Box["x"], Box[1, 2] if False else Box[(1, 2)])
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__)
print(list[int]([1, 2]), list[int] == list[int])
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
