import re
print(re.sub('a', 'b', 'aaa', 0), re.sub(r'\w', lambda m: m[0] * 2, 'ab', count=1))
m = re.match(r'(?P<a>.)(?P<b>.)?', 'x')
print(m.lastindex, m.lastgroup, m.span('b'), m.start('a'))
print(re.compile(r'(a)(?P<n>b)').groupindex, re.compile('x').groupindex)
try:
    re.compile('x').groupindex['y'] = 1
except TypeError as e:
    print('TypeError', e)
print(re.match('a', 'a').group(True) if False else re.match('(a)', 'a').group(1))
print(re.sub(r'\s+', ' ', 'a \n b'), re.sub('(?P<x>a)', r'\g<x>\g<0>', 'bab'))
print(re.findall(r'\b\w+\b', 'hello, wörld! 123'), re.search(r'\d{2,}', 'a1b22c333').group())
print(re.split(r'(?=b)', 'abab'), re.split(r'\b', 'ab cd'))
print(re.match(r'[\]a-]+', ']a-b'), re.match(r'[^\W\d]+', 'ab1'), re.match(r'[\S]+', 'ab c'))
print(re.search(r'(?m)^b$', 'a\nb\nc').span(), re.search(r'(?m)a$', 'a\nb').span())
print(re.fullmatch(r'\w+', 'abc', ) is not None, re.compile(r'\w+').fullmatch('abc!', 0, 3))
print(repr(re.compile(r"a'b\"c")), re.compile('\n'))
p = re.compile(r'(\d+)')
print(p.sub(lambda m: str(int(m[1]) + 1), 'a9 b99'), p.subn('#', 'x1y2z'))
print(list(map(lambda m: m.groups(), p.finditer('1 23 456'))))
print(re.match('(?x) a b # comment', 'ab'), re.match(r'(?x)[ ]', ' '))
print(re.search(r'\d', '٣'), re.search(r'\d', '٣', re.ASCII))
print(re.sub('', 'x', ''), re.split('', ''), re.findall('', ''))
print(re.purge(), re.compile('a').search('ba').regs)
