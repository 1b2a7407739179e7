# A tokenizer written as an explicit state machine with while/if.
def tokenize(src):
    tokens, i, state, buf = [], 0, "start", ""
    while i <= len(src):
        ch = src[i] if i < len(src) else "\0"
        if state == "start":
            if ch.isdigit():
                state, buf = "num", ch
            elif ch.isalpha() or ch == "_":
                state, buf = "ident", ch
            elif ch == '"':
                state, buf = "str", ""
            elif ch in "+-*/()=<>":
                if ch in "<>=" and i + 1 < len(src) and src[i + 1] == "=":
                    tokens.append(("op", ch + "="))
                    i += 1
                else:
                    tokens.append(("op", ch))
            elif ch in " \t\n\0":
                pass
            else:
                tokens.append(("error", ch))
            i += 1
        elif state == "num":
            if ch.isdigit() or ch == ".":
                buf += ch
                i += 1
            else:
                tokens.append(("num", buf))
                state = "start"
        elif state == "ident":
            if ch.isalnum() or ch == "_":
                buf += ch
                i += 1
            else:
                tokens.append(("kw" if buf in ("if", "while", "let") else "ident", buf))
                state = "start"
        elif state == "str":
            if ch == '"':
                tokens.append(("str", buf))
                state = "start"
            elif ch == "\0":
                tokens.append(("error", "unterminated string"))
            else:
                buf += ch
            i += 1
    return tokens
for src in ['let x = 3.14 * (y + 2)', 'if a <= b while c >= 10', 'say "hello world" now', 'bad $ char', '"open']:
    print(src)
    for t in tokenize(src):
        print("   ", t)
