# int('x' * 5000) is an invalid literal; int('9' * 5000) exceeds the digit limit.
try:
    int("x" * 5000)
except ValueError as e:
    msg = str(e)
    print(type(e).__name__, len(msg), msg[:60])
try:
    int("9" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    float("9" * 5000)
    print("float accepts long digit strings")
except ValueError as e:
    print(type(e).__name__, e)
print(int("9" * 4300) % 97)
