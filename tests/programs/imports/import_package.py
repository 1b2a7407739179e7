# import a package and its submodules; module caching.
import sys
import pkg_basic
print(pkg_basic.VERSION, pkg_basic.greet("krait"), pkg_basic.__doc__)
import pkg_basic.helpers
print(pkg_basic.helpers.bump(), pkg_basic.helpers.bump())
import pkg_basic.helpers as h
print(h is pkg_basic.helpers, h.bump(), h.Tool())
import pkg_basic.helpers
print("second import did not re-execute; counter =", h.counter)
print("pkg_basic" in sys.modules, "pkg_basic.helpers" in sys.modules, sys.modules["pkg_basic.helpers"] is h)
print(type(pkg_basic).__name__, pkg_basic.__name__, h.__name__, pkg_basic.__package__, h.__package__)
print(hasattr(pkg_basic, "helpers"), hasattr(pkg_basic, "consts"))
