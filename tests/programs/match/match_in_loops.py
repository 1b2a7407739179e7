# Using match inside loops to process token streams.
tokens = [("NUM", 3), ("OP", "+"), ("NUM", 4), ("OP", "*"), ("LP", None), ("NUM", 2), ("OP", "-"), ("NUM", 1), ("RP", None), ("END", None)]
out = []
ops = []
prec = {"+": 1, "-": 1, "*": 2}
for tok in tokens:
    match tok:
        case ("NUM", n):
            out.append(n)
        case ("OP", op):
            while ops and ops[-1] != "(" and prec[ops[-1]] >= prec[op]:
                out.append(ops.pop())
            ops.append(op)
        case ("LP", _):
            ops.append("(")
        case ("RP", _):
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        case ("END", _):
            while ops:
                out.append(ops.pop())
print(out)
stack = []
for t in out:
    match t:
        case int():
            stack.append(t)
        case "+" | "-" | "*" as op:
            b, a = stack.pop(), stack.pop()
            stack.append(a + b if op == "+" else a - b if op == "-" else a * b)
print(stack)
