# exec, eval, compile.
print(eval("1 + 2 * 3"), eval("[x * x for x in range(4)]"), eval("a + b", {"a": 1, "b": 2}), eval("len(s)", {"s": "abc"}))
x = 10
print(eval("x * 2"), eval("x", {"x": "shadowed"}), eval("y", {}, {"y": "from locals"}))
ns = {}
exec("def sq(n):\n    return n * n\nresult = sq(7)", ns)
print(ns["result"], ns["sq"](3), sorted(k for k in ns if k != "__builtins__"))
exec("z = 5")
print(z)
code = compile("3 ** 4", "<expr>", "eval")
print(type(code).__name__, eval(code), code.co_filename)
stmt = compile("for i in range(3): out.append(i)", "<stmts>", "exec")
out = []
exec(stmt)
print(out)
single = compile("1 + 1", "<single>", "single")
exec(single)
for bad in ["1 +", "def", "x = = 1"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.filename)
try:
    eval("undefined_var")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("1", "<x>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
print(eval("__builtins__ is not None"), eval("abs(-3)", {"__builtins__": {"abs": abs}}))
try:
    eval("len('x')", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(eval(" 42 "), eval("\n42\n".strip()))
