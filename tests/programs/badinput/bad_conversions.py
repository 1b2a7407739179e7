# Bad input to conversion builtins.
samples = ["", " ", "12abc", "0x", "1e", "--5", "5-", "1 2", "١٢", "½", "NaN", "infinity", "0b2", "٣.٥"]
for s in samples:
    results = []
    for conv in (int, float, complex):
        try:
            results.append(repr(conv(s)))
        except ValueError as e:
            results.append(f"{type(e).__name__}: {e}")
    print(repr(s), "|", " | ".join(results))
