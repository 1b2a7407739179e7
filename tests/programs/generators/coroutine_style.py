# Generator-based coroutines: a scheduler round-robin.
def task(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        yield
    return f"{name} finished"
def scheduler(tasks):
    queue = list(tasks)
    results = []
    while queue:
        t = queue.pop(0)
        try:
            next(t)
            queue.append(t)
        except StopIteration as e:
            results.append(e.value)
    return results
print(scheduler([task("A", 3), task("B", 1), task("C", 2)]))
def printer():
    while True:
        line = yield
        print("printer:", line)
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
p = printer()
next(p)
gr = grep("py", p)
next(gr)
for line in ["python rocks", "rust too", "krait is python in rust", "nothing"]:
    gr.send(line)
