# Universal newlines on read and newline= translation on write.
NAME = "text_newlines.tmp"

with open(NAME, "wb") as f:
    f.write(b"unix\nwindows\r\nmac\rlast\r\n\r\rend")

with open(NAME) as f:
    print(repr(f.read()))
with open(NAME) as f:
    print(f.readlines())
for newline in [None, "", "\n", "\r", "\r\n"]:
    with open(NAME, newline=newline) as f:
        print(repr(newline), list(f))

# read(n) counts a translated \r\n as one character.
with open(NAME) as f:
    pieces = []
    while True:
        piece = f.read(3)
        if not piece:
            break
        pieces.append(piece)
    print(pieces)
with open(NAME) as f:
    print([f.readline(4) for _ in range(8)])

for newline in [None, "", "\n", "\r", "\r\n"]:
    with open(NAME, "w", newline=newline) as f:
        f.write("a\nb\r\nc\rd\n")
    with open(NAME, "rb") as f:
        print(repr(newline), f.read())

try:
    open(NAME, newline="x")
except ValueError as e:
    print("ValueError:", e)
try:
    open(NAME, newline=5)
except TypeError as e:
    print("TypeError:", e)
