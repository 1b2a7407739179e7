# Mapping patterns with rest, nested, and extra keys.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest} if rest:
            return f"key {k} with extra {sorted(rest)}"
        case {"type": "key", "key": k}:
            return f"key {k}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "empty-ish mapping"
        case _:
            return "not a mapping"
events = [{"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a"}, {"type": "key", "key": "b", "mod": "shift", "x": 1},
          {"type": "scroll"}, {"other": 1}, {}, [("type", "click")], "str"]
for e in events:
    print(e, "->", handle(e))
class Mapping(dict):
    pass
print(handle(Mapping(type="key", key="z")))
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest is", rest)
