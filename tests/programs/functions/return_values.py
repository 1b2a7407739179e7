# Return values: None, tuples, multiple returns, early return.
def none1():
    pass
def none2():
    return
def multi():
    return 1, "two", [3]
def early(n):
    if n < 0:
        return "neg"
    for i in range(n):
        if i * i > n:
            return i
    return "end"
print(none1(), none2(), multi(), type(multi()).__name__, [early(n) for n in (-1, 0, 5, 50)])
a, b, c = multi()
print(a, b, c)
def gen_or_value(flag):
    if flag:
        return [x for x in range(3)]
    return {}
print(gen_or_value(True), gen_or_value(False))
def nested_return():
    def inner():
        return "inner"
    return inner(), inner
r, fn = nested_return()
print(r, fn())
