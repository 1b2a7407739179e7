# Files as context managers, print(file=), and data visible across objects.
NAME = "with_files.tmp"

with open(NAME, "w") as f:
    print(f.closed)
    result = f.__enter__()
    print(result is f)
print(f.closed)

try:
    with open(NAME, "w") as f:
        f.write("before the error\n")
        raise KeyError("boom")
except KeyError as e:
    print("caught", e, f.closed)
with open(NAME) as f:
    print(repr(f.read()))

with open(NAME, "w") as out, open(NAME) as back:
    out.write("written\n")
    print(repr(back.read()))
    out.flush()
    print(repr(back.read()))

with open(NAME, "w") as f:
    for i in range(3):
        print(i, i * i, sep=",", file=f)
    print(file=f)
    print("end", file=f, flush=True)
print(open(NAME).read(), end="")

# A file object dropped without close: its data is visible to a later open.
open(NAME, "w").write("dropped\n")
print(repr(open(NAME).read()))

big = "x" * 10000 + "\n"
f = open(NAME, "w")
f.write(big)
with open(NAME) as g:
    print(len(g.read()) >= 8192)
f.close()
with open(NAME) as g:
    print(len(g.read()))


class Log:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        self.file = open(self.name, "a")
        return self.file

    def __exit__(self, *exc):
        self.file.close()
        return False


with Log(NAME) as log:
    log.write("logged\n")
print(open(NAME).readlines()[-1], end="")
