# Generator attributes: gi_running, gi_frame, gi_code, running generator errors.
def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running, gen.gi_frame is not None, gen.gi_code.co_name, gen.__name__, gen.__qualname__)
next(gen)
next(gen)
print(next(gen, None), gen.gi_frame)
def self_ref():
    yield me.gi_running
me = self_ref()
print(next(me))
def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print(type(e).__name__, e)
print(iter(gen) is gen, hasattr(gen, "__next__"), hasattr(gen, "send"))
