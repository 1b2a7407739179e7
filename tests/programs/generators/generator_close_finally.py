# Cleanup in generators when abandoned by break or closed explicitly.
def resource(name):
    print(f"  open {name}")
    try:
        for i in range(5):
            yield f"{name}:{i}"
    finally:
        print(f"  close {name}")
for item in resource("A"):
    print(item)
    if item.endswith("1"):
        break
g = resource("B")
print(next(g))
g.close()
print("after B close")
def nested():
    try:
        yield from resource("C")
    finally:
        print("  nested finally")
n = nested()
print(next(n), next(n))
n.close()
def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("  GeneratorExit seen")
        return
s = swallow()
next(s)
s.close()
print("swallow closed")
