# A text adventure as a state machine driven by scripted commands.
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "shelves of old books", "exits": {"south": "hall", "up": "attic"}, "items": ["book", "key"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["bread"]},
    "attic": {"desc": "a dark attic", "exits": {"down": "library"}, "items": ["chest"]},
    "cellar": {"desc": "a damp cellar", "exits": {"up": "kitchen"}, "items": []},
}
class GameOver(Exception):
    pass
class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.state = "exploring"
        self.moves = 0
        self.rooms = {k: {"desc": v["desc"], "exits": dict(v["exits"]), "items": list(v["items"])} for k, v in ROOMS.items()}
        self.locked = {("attic", "down")}
    def look(self):
        r = self.rooms[self.room]
        items = ", ".join(r["items"]) or "nothing"
        exits = ", ".join(sorted(r["exits"]))
        return f"You are in {r['desc']}. You see {items}. Exits: {exits}."
    def handle(self, line):
        self.moves += 1
        words = line.lower().split()
        if not words:
            return "Say something."
        verb, *args = words
        handler = getattr(self, "do_" + verb, None)
        if handler is None:
            return f"I don't know how to {verb}."
        return handler(*args)
    def do_look(self):
        return self.look()
    def do_go(self, direction=None):
        if direction is None:
            return "Go where?"
        exits = self.rooms[self.room]["exits"]
        if direction not in exits:
            return f"You can't go {direction}."
        if self.room == "attic" and "chest" in self.inventory and direction == "down":
            self.state = "won"
        if self.room == "hall" and direction == "east" and "lamp" not in self.inventory:
            return "It is too dark to go east without a lamp."
        self.room = exits[direction]
        if self.room == "cellar":
            self.state = "lost"
            raise GameOver("You slipped in the cellar.")
        return self.look()
    def do_take(self, item=None):
        items = self.rooms[self.room]["items"]
        if item not in items:
            return f"There is no {item} here."
        if item == "chest" and "key" not in self.inventory:
            return "The chest is locked to the floor. You need a key."
        items.remove(item)
        self.inventory.append(item)
        return f"Taken: {item}."
    def do_drop(self, item=None):
        if item not in self.inventory:
            return f"You don't have {item}."
        self.inventory.remove(item)
        self.rooms[self.room]["items"].append(item)
        return f"Dropped: {item}."
    def do_inventory(self):
        return "You carry: " + (", ".join(sorted(self.inventory)) or "nothing")
def play(script):
    g = Game()
    print(g.look())
    for line in script:
        print(f"> {line}")
        try:
            print(g.handle(line))
        except GameOver as e:
            print("GAME OVER:", e)
            break
        if g.state == "won":
            print(f"You escaped with the chest in {g.moves} moves!")
            break
    print("final state:", g.state, "room:", g.room, "inventory:", sorted(g.inventory))
    return g
play(["look", "go east", "take lamp", "take lamp", "inventory", "go north", "take book", "go up", "take chest", "go down", "take key", "go up", "take chest", "dance", "", "go down"])
play(["take lamp", "go east", "drop bread", "drop lamp", "look", "go down", "look"])
play(["go west", "go", "go north", "go south", "inventory"])
