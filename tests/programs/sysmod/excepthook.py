import sys
sys.excepthook(None, 5, None)
try:
    1/0
except ZeroDivisionError as e:
    sys.excepthook(type(e), e, e.__traceback__)
print(sys.excepthook is sys.__excepthook__, sys.displayhook is sys.__displayhook__)
