from ..core import base_value as parent_value
from .leaf import leaf_info
