# Set comprehensions and uses: dedupe, membership tests, primes sieve.
print(sorted({x * x for x in range(-5, 6)}), sorted({c.lower() for c in "AbBaC"}))
n = 100
composite = {j for i in range(2, 11) for j in range(i * i, n, i)}
primes = sorted(set(range(2, n)) - composite)
print(primes)
words = "one two three two one four five four".split()
seen = set()
dups = set()
for w in words:
    (dups if w in seen else seen).add(w)
print(sorted(seen), sorted(dups))
pairs = {(a, b) for a in range(4) for b in range(4) if a < b}
print(sorted(pairs), len(pairs))
print(sorted({len(w) for w in words}), sorted({w[0] for w in words}))
