# Value patterns use ==, singletons use is; mapping keys; string vs sequence.
match 1.0:
    case 1:
        print("1.0 matches literal 1 by equality")
match 0:
    case False:
        print("0 == False matches")
    case _:
        print("False uses is-comparison? no: 0 does not match False")
match "abc":
    case [a, b, c]:
        print("strings are sequences?")
    case _:
        print("strings do not match sequence patterns")
match {"k": None}:
    case {"k": None}:
        print("None value matched")
match {1: "one", 2: "two"}:
    case {1: v}:
        print("int key", v)
match (1, 2):
    case [1, 2]:
        print("tuple matches list pattern")
match [1, 2]:
    case (1, 2):
        print("list matches tuple pattern")
class Eq:
    def __eq__(self, o):
        print("  __eq__ called with", o)
        return True
class Holder:
    val = Eq()
match 42:
    case Holder.val:
        print("value pattern used __eq__")
