# Uncaught exception raised while handling another (implicit context).
try:
    int("not a number")
except ValueError:
    print("handling ValueError")
    [].pop()
