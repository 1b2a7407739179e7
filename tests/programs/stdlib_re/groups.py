import re

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'Isaac Newton')
print(m.group(), m.group(0), m.group(1), m.group(2, 1), m.group(3))
print(m.groups(), m.groups('-'), m[1], m.span(1), m.start(2), m.end(2), m.span(3), m.start(3))
print(m.lastindex, m.lastgroup, m.regs)
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Malcolm Reynolds')
print(m.group('first'), m['last'], m.groupdict(), m.lastgroup, m.lastindex)
print(m.re.groupindex, dict(m.re.groupindex), m.span('last'))
m = re.match(r'(?P<a>x)|(?P<b>y)', 'y')
print(m.groupdict(), m.groupdict(0), m.lastgroup, m.lastindex)
for bad in (3, 'nope', -1):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
try:
    m['zz']
except IndexError as e:
    print('IndexError', e)
print(re.match(r'(a)(b)?', 'a').groups(), re.match(r'((a)|b)+', 'ab').groups())
print(re.match(r'(?:(a)|b)*', 'ab').groups(), re.match(r'(?:(a)|(b))*', 'ab').groups())
print(re.match(r'(a*)*', 'aa').groups(), re.match(r'(a*)+b', 'aab').groups())
print(re.match(r'(a)\1', 'aa'), re.match(r'(a)\1', 'ab'), re.match(r'(?P<x>ab)(?P=x)', 'abab'))
print(re.match(r'(?i)(a)\1', 'aA'), re.match(r'(a)?(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'))
print(re.match(r'(?P<q>")?\w+(?(q)")', '"abc"'), re.match(r'(?P<q>")?\w+(?(q)")', 'abc"'))
print(re.match(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11', 'abcdefghijkk').lastindex)
m = re.search(r'(b)(c)?', 'abx')
print(m.expand(r'[\1|\g<1>|\2]'), m.expand(r'\g<0>!'))
m = re.match(r'(?P<w>\w+)', 'hi')
print(m.expand(r'<\g<w>>'))
print(re.match(r'((a)|(b))*', 'ab').lastindex, re.match(r'(a)|b', 'b').lastindex)
print(re.match(r'(?:x(y)?)+', 'xyx').groups())
print(re.search(r'(?P<n>\d)(?P<m>\d)?', 'a1').groupdict('zz'))
