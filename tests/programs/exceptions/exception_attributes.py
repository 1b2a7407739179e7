# args, str() and repr() of builtin exceptions.
excs = [Exception(), Exception("msg"), Exception("a", 1), ValueError(""), KeyError("key"), KeyError(), KeyError(1, 2),
        IndexError("list index out of range"), OSError(2, "No such file"), OSError("plain"), StopIteration(5),
        SystemExit(3), SystemExit(), AttributeError("attr"), UnicodeError("u"), ZeroDivisionError(), RuntimeError(None)]
for e in excs:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
print(StopIteration(7).value, StopIteration().value, SystemExit(4).code, SystemExit("bye").code, SystemExit(1, 2).code)
o = OSError(13, "Permission denied", "f.txt")
print(o.errno, o.strerror, o.filename, str(o), type(o).__name__)
print(type(OSError(2, "x")).__name__)
try:
    [].pop()
except IndexError as e:
    print(e.args, str(e))
try:
    {}["missing"]
except KeyError as e:
    print(e.args, str(e), repr(e))
try:
    getattr(object(), "nope")
except AttributeError as e:
    print(e.args, e.name, repr(e.obj)[:8])
try:
    undefined_thing
except NameError as e:
    print(e.args, e.name)
e = ValueError("x")
e.args = ("changed", 2)
print(e, repr(e))
e.custom = "attr"
print(e.custom)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e.name, str(e), repr(e))
print(repr(SyntaxError("bad", ("f.py", 1, 2, "x y", 1, 3))))
se = SyntaxError("bad syntax", ("f.py", 3, 5, "a b c\n", 3, 6))
print(se.msg, se.filename, se.lineno, se.offset, repr(se.text), se.end_lineno, se.end_offset, str(se))
