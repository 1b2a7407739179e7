# Objects still referenced from module globals are finalized at exit, after
# the program's last line, in the order they were created.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name)


first = Noisy("first")
second = Noisy("second")


def gen():
    try:
        yield 1
    finally:
        print("generator closed at exit")


g = gen()
next(g)
print("end of program")
