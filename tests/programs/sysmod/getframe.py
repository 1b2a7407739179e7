import sys
def f():
    g = sys._getframe()
    print(g.f_code.co_name, g.f_lineno, g.f_back.f_code.co_name, sys._getframe(1).f_lineno)
f()
try:
    sys._getframe(100)
except ValueError as e:
    print(e)
print(sys._getframe().f_code.co_name)
