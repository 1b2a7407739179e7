import re

print(re.match(r'(?i)straße', 'STRASSE'), re.match(r'(?i)[a-z]+', 'HeLLo'), re.match('(?i)ǅ', 'ǆ'))
print(re.findall(r'[a-z]+', 'Hello World', re.I), re.findall(r'[^a-z]+', 'Hello World', re.I))
print(re.match(r'k', 'K', re.I), re.match(r'k', '\u212a', re.I), re.match(r'k', '\u212a', re.I | re.A))
print(re.match(r'[k]', '\u212a', re.I), re.match(r'ſ', 's', re.I), re.match(r'[ſ]', 'S', re.I))
print(re.match(r'[α-ω]+', 'ΑΒΓ', re.I), re.match(r'é', 'É', re.I), re.match(r'é', 'É', re.I | re.A))
print(re.findall(r'^\w+$', 'one\ntwo\nthree', re.M), re.findall(r'^\w+$', 'one\ntwo', 0))
print(re.findall(r'a.b', 'a\nb a-b', re.S), re.findall(r'a.b', 'a\nb a-b'))
print(re.match(r'''(?x)
    \d+   # digits
    \s*   # space
    [a-z] # letter
''', '12 x'))
print(re.findall(r'\w+', 'héllo wörld', re.A), re.findall(r'\w+', 'héllo wörld'))
print(re.findall(r'\d', '1٣3'), re.findall(r'\d', '1٣3', re.A), re.findall(r'\s', 'a\u2003b'), re.findall(r'\s', 'a\u2003b', re.A))
print(re.search(r'\bé', ' é'), re.search(r'\bé', ' é', re.A))
print(re.match(rb'(?i)abc', b'ABC'), re.match(rb'\w+', b'ab\xe9'), re.match(rb'(?L)\w+', b'ab'))
print(re.compile('(?i)a').flags, re.compile('a', re.I | re.M).flags, re.compile(b'a').flags)
print(re.compile('(?s)x'), re.compile('(?ix)x'), re.compile(r'(?a)\w'))
print(re.match(r'(?i:A)b', 'ab'), re.match(r'(?i:A)b', 'aB'), re.match(r'a(?-i:B)', 'AB', re.I))
print(re.match(r'[\d\s]+', '1 2\t3x'), re.match(r'[\w.-]+@[\w.-]+', 'me.x@ex-ample.org'))
print(re.findall(r'[\u0400-\u04ff]+', 'abc Привет def'), re.findall(r'[^\x00-\x7f]', 'aé€b'))
print(re.match(r'(?i)[\u0400-\u04ff]+', 'ПРИВЕТ привет'))
print(re.sub(r'(?i)HELLO', 'bye', 'hello Hello HELLO'))
