print("b: start")
from . import a
print("b: has a, A_VALUE defined yet?", hasattr(a, "A_VALUE"))
B_VALUE = "b-value"
def get_a_value():
    return a.A_VALUE
