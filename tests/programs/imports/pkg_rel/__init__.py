from .core import base_value
from . import util
print("pkg_rel loaded, base_value =", base_value)
