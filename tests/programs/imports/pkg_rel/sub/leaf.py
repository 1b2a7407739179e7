from .. import util
from ..core import describe
def leaf_info():
    return f"leaf sees doubled={util.doubled()} and {describe()}; my package is {__package__}"
