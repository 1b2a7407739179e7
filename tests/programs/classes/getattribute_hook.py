# __getattribute__ intercepts every attribute access.
class Logged:
    def __init__(self):
        self.a = 1
    def method(self):
        return "method result"
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print(f"  access {name}")
        return super().__getattribute__(name)
l = Logged()
print(l.a, l.method())
try:
    l.missing
except AttributeError as e:
    print(type(e).__name__, e)
class Fallback:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback for {name}"
f = Fallback()
f.visible = "v"
print(f.visible, f.secret, f.other)
class Upper:
    def __init__(self):
        self.word = "hello"
    def __getattribute__(self, name):
        value = object.__getattribute__(self, name)
        return value.upper() if isinstance(value, str) else value
print(Upper().word, len(Upper().word))
