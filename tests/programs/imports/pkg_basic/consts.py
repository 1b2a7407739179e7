PI = 3
E = 2
__all__ = ["PI"]
