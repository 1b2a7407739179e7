# ExceptionGroup and except* (3.11).
eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(eg, repr(eg), len(eg.exceptions), eg.message)
try:
    raise eg
except* ValueError as g:
    print("ValueError group:", repr(g), [str(e) for e in g.exceptions])
except* TypeError as g:
    print("TypeError group:", repr(g))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [IndexError("i")])])
    except* LookupError as g:
        print("lookup:", repr(g))
except Exception as e:
    print("unexpected", e)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as rest:
    print("rest propagated:", repr(rest))
