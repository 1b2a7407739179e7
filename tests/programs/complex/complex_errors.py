# Complex constructor parsing and errors.
for s in ["1", "1j", "-1j", "+1.5j", "1+1j", "(1+1j)", " ( 2-3j ) ", "1e3+1e-3j", "infj", "nan+nanj", "1 + 1j", "1+", "j1", "1jj", "", "()", "1+2", "--1j"]:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
for args in [(1, "2"), (None,), ([],), ("1", 1)]:
    try:
        print(complex(*args))
    except TypeError as e:
        print(args, type(e).__name__, e)
class C:
    def __complex__(self):
        return 2 + 5j
print(complex(C()), complex(C(), 1))
class Fl:
    def __float__(self):
        return 1.25
print(complex(Fl()), complex(Fl(), Fl()))
