# Case methods.
for s in ["hello world", "HELLO", "Hello World", "hELLO wORLD", "123abc", "", "ß straße", "ǅungla", "a-b_c d", "they're bill's", "ΣΑΣ", "İ"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.capitalize()), repr(s.title()), repr(s.swapcase()), repr(s.casefold()))
    print("  ", s.isupper(), s.islower(), s.istitle())
