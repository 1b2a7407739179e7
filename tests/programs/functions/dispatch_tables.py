# Dispatch tables of functions and a command interpreter.
def cmd_push(stack, arg):
    stack.append(int(arg))
def cmd_pop(stack, arg):
    return stack.pop()
def cmd_add(stack, arg):
    stack.append(stack.pop() + stack.pop())
def cmd_mul(stack, arg):
    stack.append(stack.pop() * stack.pop())
def cmd_dup(stack, arg):
    stack.append(stack[-1])
def cmd_print(stack, arg):
    print("  stack:", stack)
COMMANDS = {"push": cmd_push, "pop": cmd_pop, "add": cmd_add, "mul": cmd_mul, "dup": cmd_dup, "print": cmd_print}
program = """push 3
push 4
add
dup
mul
print
push 10
pop
frobnicate
print
pop
pop"""
stack = []
for lineno, line in enumerate(program.splitlines(), 1):
    name, _, arg = line.partition(" ")
    handler = COMMANDS.get(name)
    if handler is None:
        print(f"line {lineno}: unknown command {name!r}")
        continue
    try:
        result = handler(stack, arg)
        if result is not None:
            print(f"line {lineno}: {name} -> {result}")
    except IndexError as e:
        print(f"line {lineno}: {name} failed: {type(e).__name__}: {e}")
