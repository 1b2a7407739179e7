"""Package docstring."""
x = 1
