# Exceptions raised inside generators at different points.
def g(fail_at):
    for i in range(4):
        if i == fail_at:
            raise ValueError(f"failed at {i}")
        yield i
for fail in [0, 2, 9]:
    out = []
    try:
        for x in g(fail):
            out.append(x)
    except ValueError as e:
        out.append(str(e))
    print(fail, out)
def careful():
    for x in [1, 0, 2]:
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield "div by zero"
print(list(careful()))
gen = g(1)
print(next(gen))
try:
    next(gen)
except ValueError as e:
    print(e)
print(next(gen, "finished after error"))
