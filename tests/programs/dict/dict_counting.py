# Counting and grouping patterns.
text = """the cat sat on the mat the dog sat on the log and the cat saw the dog"""
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in top:
    print(f"{w:5} {c}")
letters = {}
for ch in text:
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items()))
bigrams = {}
ws = text.split()
for a, b in zip(ws, ws[1:]):
    bigrams.setdefault(a, {}).setdefault(b, 0)
    bigrams[a][b] += 1
for a in sorted(bigrams):
    print(a, sorted(bigrams[a].items()))
lengths = {}
for w in set(ws):
    lengths.setdefault(len(w), []).append(w)
print({k: sorted(v) for k, v in sorted(lengths.items())})
