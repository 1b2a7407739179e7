# A small backtracking regex engine: literals, ., *, +, ?, ^, $, character classes, groups with alternation.
class RegexError(Exception):
    pass
def parse(pattern):
    pos = 0
    def alt():
        nonlocal pos
        branches = [seq()]
        while pos < len(pattern) and pattern[pos] == "|":
            pos += 1
            branches.append(seq())
        return ("alt", branches) if len(branches) > 1 else branches[0]
    def seq():
        nonlocal pos
        items = []
        while pos < len(pattern) and pattern[pos] not in "|)":
            items.append(repeat())
        return ("seq", items)
    def repeat():
        nonlocal pos
        a = atom()
        while pos < len(pattern) and pattern[pos] in "*+?":
            op = pattern[pos]
            pos += 1
            a = ("star", a) if op == "*" else ("plus", a) if op == "+" else ("opt", a)
        return a
    def atom():
        nonlocal pos
        c = pattern[pos]
        pos += 1
        if c == "(":
            inner = alt()
            if pos >= len(pattern) or pattern[pos] != ")":
                raise RegexError(f"missing ) in {pattern!r}")
            pos += 1
            return ("group", inner)
        if c == "[":
            end = pattern.find("]", pos)
            if end < 0:
                raise RegexError(f"unterminated class in {pattern!r}")
            body = pattern[pos:end]
            pos = end + 1
            negate = body.startswith("^")
            if negate:
                body = body[1:]
            chars = set()
            i = 0
            while i < len(body):
                if i + 2 < len(body) and body[i + 1] == "-":
                    chars |= {chr(k) for k in range(ord(body[i]), ord(body[i + 2]) + 1)}
                    i += 3
                else:
                    chars.add(body[i])
                    i += 1
            return ("class", frozenset(chars), negate)
        if c in "*+?":
            raise RegexError(f"nothing to repeat at {pos - 1}")
        if c == ")":
            raise RegexError(f"unbalanced ) at {pos - 1}")
        if c == "\\":
            c = pattern[pos]
            pos += 1
            return ("lit", c)
        if c == ".":
            return ("any",)
        if c == "^":
            return ("bol",)
        if c == "$":
            return ("eol",)
        return ("lit", c)
    tree = alt()
    if pos != len(pattern):
        raise RegexError(f"unbalanced ) at {pos}")
    return tree
def match_here(node, text, i, k):
    kind = node[0]
    if kind == "lit":
        return i < len(text) and text[i] == node[1] and k(i + 1)
    if kind == "any":
        return i < len(text) and text[i] != "\n" and k(i + 1)
    if kind == "class":
        return i < len(text) and ((text[i] in node[1]) != node[2]) and k(i + 1)
    if kind == "bol":
        return i == 0 and k(i)
    if kind == "eol":
        return i == len(text) and k(i)
    if kind == "group":
        return match_here(node[1], text, i, k)
    if kind == "seq":
        def run(idx, j):
            if idx == len(node[1]):
                return k(j)
            return match_here(node[1][idx], text, j, lambda j2: run(idx + 1, j2))
        return run(0, i)
    if kind == "alt":
        return any(match_here(b, text, i, k) for b in node[1])
    if kind == "opt":
        return match_here(node[1], text, i, k) or k(i)
    if kind in ("star", "plus"):
        def more(j):
            return match_here(node[1], text, j, lambda j2: j2 != j and more(j2)) or k(j)
        if kind == "plus":
            return match_here(node[1], text, i, lambda j2: more(j2))
        return more(i)
    raise RegexError(f"bad node {kind}")
def search(pattern, text):
    tree = parse(pattern)
    for start in range(len(text) + 1):
        end = []
        if match_here(tree, text, start, lambda j: end.append(j) or True):
            return (start, end[0], text[start:end[0]])
    return None
tests = [("abc", "xxabcxx"), ("a.c", "abc adc"), ("ab*c", "ac abc abbbc"), ("ab+c", "ac abbc"), ("colou?r", "my color"), ("colou?r", "colour!"),
         ("^hello", "hello world"), ("^world", "hello world"), ("world$", "hello world"), ("[0-9]+", "abc 12345 def"), ("[^a-z ]+", "abc DEF ghi"),
         ("(cat|dog)s?", "I like dogs"), ("(a|b)*c", "xxababbc"), ("a(b(c|d))+e", "abcbdbce"), ("\\.txt$", "notes.txt"), ("x*", "yyy"),
         ("[A-Z][a-z]*", "hello World"), ("(ab)+$", "xabababab"), ("a?a?a?aaa", "aaa")]
for pat, text in tests:
    print(f"{pat:14} {text!r:22} -> {search(pat, text)}")
for bad in ["(abc", "abc)", "*a", "[abc", "a|*"]:
    try:
        search(bad, "abc")
    except RegexError as e:
        print(f"{bad:8} RegexError: {e}")
