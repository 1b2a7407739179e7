# is* predicates.
samples = ["abc", "ABC", "Abc", "123", "١٢٣", "½", "²", "abc123", "", " ", "\t\n", "hello world", "Hello World", "_id", "id1", "1id", "class", "ñ", "a b", "\x00", "é", "ⅷ", "३"]
print("sample alpha alnum digit decimal numeric space upper lower title ident print ascii")
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
