# Errors raised inside comprehensions propagate normally.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: [1 / x for x in [1, 2, 0]])
t(lambda: {k: v for k, v in [(1, 2), (3,)]})
t(lambda: {[x] for x in range(2)})
t(lambda: [x for x in None])
t(lambda: [int(s) for s in "12a"])
t(lambda: {x: y for x in range(2)})
t(lambda: list(x.upper() for x in [1]))
