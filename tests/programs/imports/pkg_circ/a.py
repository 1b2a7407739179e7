print("a: start")
from . import b
print("a: imported b, b.B_VALUE =", b.B_VALUE)
A_VALUE = "a-value"
def use_b():
    return b.get_a_value()
