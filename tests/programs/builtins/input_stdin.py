# input() reading from stdin, with prompts; EOFError at the end.
name = input()
print("hello", name)
age = input("age? ")
print()
print("age is", int(age) + 1)
rest = []
while True:
    try:
        line = input()
    except EOFError as e:
        print("EOF reached", type(e).__name__, repr(str(e)))
        break
    rest.append(line)
print(rest)
print(len(rest), [l.upper() for l in rest if l])
