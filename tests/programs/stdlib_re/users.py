# Modules of the standard library that import re and use it.
import textwrap, typing, fnmatch

print(textwrap.fill('The quick brown fox jumps over the lazy dog ' * 3, width=30))
print(repr(textwrap.dedent('    a\n      b\n')), textwrap.shorten('hello   world  foo bar', 12))
print(textwrap.indent('x\ny\n', '> '), textwrap.wrap('a-b-c d', 3))
print(typing.List[int], typing.Optional[str])
print(fnmatch.fnmatch('foo.py', '*.py'), fnmatch.translate('*.p?'), fnmatch.filter(['a.c', 'b.h', 'c.c'], '*.c'))
