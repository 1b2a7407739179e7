"""Module docstring."""
import sys
name_seen = __name__
in_sys_modules = __name__ in sys.modules
def where():
    return __name__
