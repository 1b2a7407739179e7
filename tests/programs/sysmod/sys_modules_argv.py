# sys.modules and sys.argv manipulation.
import sys
print(sys.argv)
sys.argv.append("extra")
print(sys.argv[1:])
mod = type(sys)("fake_module")
mod.value = 42
sys.modules["fake_module"] = mod
import fake_module
print(fake_module.value, fake_module is mod, type(mod).__name__, mod.__name__)
del sys.modules["fake_module"]
try:
    import fake_module as again
    print("still bound", again is mod)
except ImportError as e:
    print(type(e).__name__, e)
print(sorted(m for m in ("sys", "builtins", "__main__") if m in sys.modules))
