import _string

for s in ['a{{b', '{{{0}', 'x{0!r:>{w}}y{}', 'abc', '', 'a}}', '{0.a[1]}', 'é{x}ü', '{:{}}{}']:
    print(repr(s), list(_string.formatter_parser(s)))

for name in ['a.b[0][x]', '0.b[0][x]', '', '12', 'x[ab.c]']:
    first, rest = _string.formatter_field_name_split(name)
    print(repr(name), repr(first), list(rest))

print(type(_string.formatter_parser('')).__name__)
print(type(_string.formatter_field_name_split('')[1]).__name__)

for s in ['ab{', 'ab}{', 'a{{b{', 'x{0!}', '{0!r', '{0:'] :
    it = _string.formatter_parser(s)
    got = []
    try:
        for item in it:
            got.append(item)
    except ValueError as e:
        print(repr(s), got, 'ValueError:', e)

for name in ['a.', 'a[0]x', 'a.b.', 'a[', 'a[]']:
    first, rest = _string.formatter_field_name_split(name)
    got = []
    try:
        for item in rest:
            got.append(item)
    except ValueError as e:
        print(repr(name), first, got, 'ValueError:', e)

try:
    _string.formatter_parser(1)
except TypeError as e:
    print('TypeError:', e)
