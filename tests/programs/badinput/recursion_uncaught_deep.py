# Mutual recursion without a base case, caught at the top, then uncaught.
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
try:
    ping(0)
except RecursionError as e:
    print("caught:", e)
ping(0)
