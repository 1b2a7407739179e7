# Import failures: missing modules, failing module bodies, syntax errors in modules.
try:
    import nonexistent_module_abc
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import pkg_basic.nonexistent_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from nonexistent_pkg import thing
except ImportError as e:
    print(type(e).__name__, e)
import sys
try:
    import pkg_errors.broken
except RuntimeError as e:
    print(type(e).__name__, e)
print("pkg_errors.broken" in sys.modules)
try:
    import pkg_errors.broken
except RuntimeError as e:
    print("re-executed on second import:", e)
try:
    import pkg_errors.syntax_bad
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename.replace("\\", "/").split("/")[-1])
print(issubclass(ModuleNotFoundError, ImportError))
