import re

for bad in ['(', 'a)', '[a', '*a', 'a**', r'\1', '(?P<1>a)', '(?P<a>a)(?P<a>b)', 'a{2,1}', r'(?<=a*)b',
            '(?z)', r'\p', '(?P=nope)', '[z-a]', 'x{1', '(?', r'\\'[:1], '(?i', 'a(?i)b']:
    try:
        re.compile(bad)
        print('ok', bad)
    except re.error as e:
        print('error', repr(bad), e, e.pos)
try:
    re.compile('a', 3.5)
except TypeError as e:
    print('TypeError', e)
try:
    re.compile(42)
except TypeError as e:
    print('TypeError', e)
try:
    re.compile('a', re.A | re.U)
except ValueError as e:
    print('ValueError', e)
try:
    re.compile(b'a', re.U)
except ValueError as e:
    print('ValueError', e)
try:
    re.sub('(?P<x>a)', r'\g<y>', 'a')
except IndexError as e:
    print('IndexError', e)
try:
    re.match(r'(a)', 'a').group(2)
except IndexError as e:
    print('IndexError', e)
try:
    re.Pattern()
except TypeError as e:
    print('TypeError', e)
print(re.error.__name__, re.error('x').msg)
