from .core import base_value, describe
def doubled():
    return base_value * 2
