# Iterating over strings and common idioms.
text = "It was the best of times, it was the worst of times"
words = text.lower().replace(",", "").split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
for w in sorted(freq, key=lambda k: (-freq[k], k)):
    print(w, freq[w])
print([c for c in "hello" if c not in "aeiou"], "".join(sorted(set("mississippi"))))
print(list(enumerate("abc")), list(zip("abc", "xyz")), list(reversed("abc")))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "hello, world")
print(caesar)
print(" ".join(w.capitalize() for w in words[:6]))
print(text.title(), text.swapcase()[:10])
vowels = sum(1 for c in text if c in "aeiouAEIOU")
print("vowels", vowels)
print([w for w in words if w == w[::-1]])
print("".join(c * i for i, c in enumerate("abcd", 1)))
acro = "".join(w[0].upper() for w in "portable network graphics".split())
print(acro)
it = iter("ab")
print(next(it), next(it), next(it, "done"))
