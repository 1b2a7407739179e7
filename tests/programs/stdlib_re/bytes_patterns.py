import re

print(re.match(b'[a-z]+', b'hello World'), re.search(rb'\d+', b'ab 42'))
p = re.compile(rb'(?P<k>\w+)=(?P<v>\w*)')
m = p.search(b'x: key=val;')
print(m, m.group('k'), m.groupdict(), m.span())
print(p.findall(b'a=1 b= c=3'), p.sub(rb'\g<v>:\g<k>', b'a=1 b=2'))
print(re.split(rb'\s+', b'a  b \tc'), re.findall(rb'.', b'\x00\xff'))
print(re.match(rb'\xe9', b'\xe9'), re.match(rb'[\x80-\xff]+', b'\x80\x90\xffz'))
print(re.match(b'a', bytearray(b'abc')), re.match(b'a', memoryview(b'abc')))
print(re.match(b'(a)', bytearray(b'abc')).group(1))
for pattern, subject in (('a', b'a'), (b'a', 'a'), ('a', 3)):
    try:
        re.match(pattern, subject)
    except TypeError as e:
        print('TypeError', e)
print(re.compile(rb'\w+', re.I), re.compile(rb'a', re.L))
print(re.sub(b'x', lambda m: b'<' + m.group() + b'>', b'axbx'))
print(re.match(rb'(?i)[a-z]+', b'HeLLo'), re.match(rb'\s+', b' \t\n\r\x0b\x0c'))
print(re.escape(b'a.b'), re.fullmatch(rb'\d+', b'123'))
