# from ... import forms, aliases, star imports and __all__.
from pkg_basic import greet, VERSION as V
from pkg_basic.helpers import bump, Tool as T, _private
print(greet("x"), V, bump(), T(), _private)
from pkg_basic.consts import *
print(PI)
try:
    E
except NameError as e:
    print(type(e).__name__, e)
from pkg_basic import consts
print(consts.E, consts.__all__)
from pkg_basic.helpers import *
print(sorted(n for n in ("bump", "counter", "Tool", "_private") if n in globals()))
try:
    from pkg_basic import does_not_exist
except ImportError as e:
    # The message ends with the module's path, which depends on the checkout.
    print(type(e).__name__, str(e).split(" (/")[0])
try:
    from pkg_basic.helpers import nope
except ImportError as e:
    # The message ends with the module's path, which depends on the checkout.
    print(type(e).__name__, str(e).split(" (/")[0])
