# Encodings and error handlers of text files.
NAME = "encodings.tmp"

with open(NAME, "w", encoding="latin-1") as f:
    print(f.encoding)
    f.write("caf\u00e9 \u00ff\n")
with open(NAME, "rb") as f:
    print(f.read())
with open(NAME, encoding="latin-1") as f:
    print(repr(f.read()))
with open(NAME, encoding="utf-8") as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
for errors in ["replace", "ignore"]:
    with open(NAME, encoding="utf-8", errors=errors) as f:
        print(errors, repr(f.read()), f.errors)
with open(NAME, "w", encoding="ascii") as f:
    f.write("plain\n")
    try:
        f.write("caf\u00e9")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
with open(NAME, "w", encoding="ascii", errors="replace") as f:
    f.write("caf\u00e9\n")
with open(NAME, encoding="UTF8") as f:
    print(f.encoding, repr(f.read()))
with open(NAME, "w", encoding="utf-8") as f:
    print(f.write("\u00e9\u4e2d\U0001f600x"))
with open(NAME, encoding="utf-8") as f:
    print([f.read(1) for _ in range(5)])
with open(NAME, "rb") as f:
    print(f.read())
