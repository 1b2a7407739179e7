# Relative imports inside packages (from . and from ..).
import pkg_rel
print(pkg_rel.base_value, pkg_rel.util.doubled())
from pkg_rel import core
print(core.describe())
from pkg_rel.sub import parent_value, leaf_info
print(parent_value)
print(leaf_info())
import pkg_rel.sub.leaf as leaf
print(leaf.__name__, leaf.__package__)
try:
    exec("from . import anything")
except ImportError as e:
    print(type(e).__name__, e)
