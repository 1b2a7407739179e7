# PEP 585 generics: annotations are evaluated when a function is defined.
def merge(a: dict[str, list[int]], b: dict[str, list[int]]) -> dict[str, list[int]]:
    out = {k: list(v) for k, v in a.items()}
    for k, v in b.items():
        out.setdefault(k, []).extend(v)
    return out
print(merge({"x": [1]}, {"x": [2], "y": [3]}))
print(merge.__annotations__["return"], merge.__annotations__["a"] == dict[str, list[int]])
print(repr(tuple[int, ...]), repr(set[frozenset[str]]), repr(type[int]), repr(list[None]))
alias = list[int]
print(alias.__origin__ is list, alias.__args__, alias([3, 1, 2]), type(alias).__name__)
print(hash(list[int]) == hash(list[int]), list[int] == list[str])
class Box:
    pass
print(repr(list[Box]).replace("__main__.", "main."))
for bad in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]), lambda: int[str]):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
