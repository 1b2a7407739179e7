# The gc module's interface (counts differ between implementations: only
# their types are printed).
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
junk = [[i] for i in range(20000)]
del junk
gc.enable()
print(gc.isenabled())
n = gc.collect()
print(type(n).__name__, n >= 0)
print(type(gc.collect(0)).__name__, type(gc.collect(generation=1)).__name__)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)
print(gc.get_threshold())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))
print(gc.garbage, gc.callbacks)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(1.5), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked(gc))
gc.freeze()
print(type(gc.get_freeze_count()).__name__)
gc.unfreeze()
phases = []
def cb(phase, info):
    phases.append((phase, info["generation"], sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
gc.collect()
print(phases)
print(gc.DEBUG_LEAK, gc.DEBUG_STATS, gc.get_debug())
