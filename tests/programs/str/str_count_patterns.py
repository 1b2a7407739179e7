# Simple text processing: word wrap, palindromes, anagrams, run-length encoding.
def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines
text = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua"
for width in (20, 35):
    for line in wrap(text, width):
        print(f"|{line:<{width}}|")
def rle(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
def unrle(s):
    out, num = [], ""
    for c in s:
        if c.isdigit():
            num += c
        else:
            out.append(c * int(num))
            num = ""
    return "".join(out)
for s in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz", "aabbaa"]:
    print(repr(s), rle(s), unrle(rle(s)) == s)
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for k in sorted(groups):
    print(k, groups[k])
for p in ["A man, a plan, a canal: Panama", "race a car", "", "Was it a car or a cat I saw?"]:
    cleaned = "".join(c.lower() for c in p if c.isalnum())
    print(repr(p), cleaned == cleaned[::-1])
