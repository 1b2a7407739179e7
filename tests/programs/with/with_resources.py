# Resource management patterns: stacks of managers, timing-free logging.
class Resource:
    opened = []
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail
    def __enter__(self):
        if self.fail:
            raise OSError(f"cannot open {self.name}")
        Resource.opened.append(self.name)
        return self
    def __exit__(self, *a):
        Resource.opened.remove(self.name)
        print(f"  released {self.name}, still open: {Resource.opened}")
class ExitStack:
    def __init__(self):
        self.stack = []
    def __enter__(self):
        return self
    def enter(self, cm):
        v = cm.__enter__()
        self.stack.append(cm)
        return v
    def __exit__(self, *exc):
        while self.stack:
            self.stack.pop().__exit__(*exc)
        return False
with ExitStack() as st:
    for n in "abc":
        st.enter(Resource(n))
    print("all open:", Resource.opened)
try:
    with ExitStack() as st:
        st.enter(Resource("x"))
        st.enter(Resource("y", fail=True))
except OSError as e:
    print("failed:", e, "open now:", Resource.opened)
