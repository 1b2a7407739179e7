def f(x):
    try:
        pass
    except A:
        raise
    else:
        x = 1
    return -1
def g(x):
    if x:
        x = 2
    else:
        x = 3
    return -1
def h(x):
    try:
        x = 1
    except A:
        x = 2
    return x
