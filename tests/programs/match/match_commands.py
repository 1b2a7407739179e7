# A command interpreter using match on split strings.
def run(line, state):
    match line.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            state["pos"] = d
            return f"you go {d}"
        case ["go", d]:
            return f"cannot go {d}"
        case ["take", *items] if items:
            state["inv"].extend(items)
            return f"taken {', '.join(items)}"
        case ["drop", item] if item in state["inv"]:
            state["inv"].remove(item)
            return f"dropped {item}"
        case ["drop", item]:
            return f"you have no {item}"
        case ["inventory" | "inv"]:
            return f"you carry {state['inv']}"
        case ["quit"]:
            return "bye"
        case []:
            return "say something"
        case [verb, *_]:
            return f"unknown verb {verb!r}"
state = {"pos": None, "inv": []}
for cmd in ["go north", "go up", "take lamp key", "take", "inv", "drop key", "drop sword", "inventory", "", "dance wildly", "quit"]:
    print(f"> {cmd}")
    print(run(cmd, state))
print(state)
