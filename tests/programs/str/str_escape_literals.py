# String literal forms and escapes.
print('single', "double", '''triple single''', """triple double""")
print("adjacent" " literals " 'concatenate')
print(r"raw\n\t", R"RAW\\", len(r"\n"), len("\n"))
print("tab\tend", "nl\\n", "quote\"s", 'apos\'s', "\101\x42\u0043\U00000044")
print("\a\b\f\v".encode(), "\0".encode(), "\177".encode())
print("line one\
 continued")
s = """multi
line
string"""
print(s.splitlines(), len(s))
print("\N{GREEK SMALL LETTER ALPHA}\N{LATIN CAPITAL LETTER E WITH ACUTE}")
print(b"bytes\x00\xff", rb"raw\x00", Rb"\d")
print(u"unicode prefix", U"also")
x = ("implicit"
     " paren"
     " concat")
print(x)
