import sys
import warnings
import _warnings

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(warnings.filters[:5] == _warnings.filters[:5], _warnings._defaultaction, _warnings._onceregistry)
print(warnings.filters[0])
sys.stderr = sys.stdout
def showwarning(message, category, filename, lineno, file=None, line=None):
    print("WARNING", filename.rsplit("/", 1)[-1], lineno, category.__name__, message)
warnings.showwarning = showwarning

def f():
    warnings.warn("hello")
f()
f()  # shown once per location ("default")
warnings.warn("deprecated here", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
show("bad category", lambda: warnings.warn("x", int))
def g():
    warnings.warn("from caller", RuntimeWarning, stacklevel=2)
g()
warnings.warn(UserWarning("instance message"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(3):
        warnings.warn("again")
    warnings.warn("ff", FutureWarning)
print([(type(w.message).__name__, str(w.message), w.category.__name__, w.lineno) for w in caught])
warnings.simplefilter("error")
show("error", lambda: warnings.warn("boom"))
warnings.resetwarnings()
warnings.simplefilter("ignore")
warnings.warn("silent")
warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("once only")
warnings.warn_explicit("explicit", UserWarning, "fake.py", 42)
warnings.warn("deep", stacklevel=50)
print("done")
