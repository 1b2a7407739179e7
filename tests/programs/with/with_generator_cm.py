# A contextmanager decorator written by hand over generators.
class GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")
def contextmanager(f):
    return lambda *a, **k: GenCM(f(*a, **k))
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")
@contextmanager
def ignoring(*types):
    try:
        yield
    except types as e:
        print("  ignored", repr(e))
with tag("html"):
    with tag("body") as b:
        print("  content in", b)
with ignoring(KeyError):
    {}["missing"]
try:
    with tag("p"):
        raise ValueError("escapes")
except ValueError as e:
    print("escaped", e)
