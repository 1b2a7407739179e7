import re

print(re.match(r'a*+a', 'aaa'), re.match(r'(?>a*)b', 'aab'), re.match(r'(?:ab)++', 'ababx'))
print(re.match(r'a++b', 'aab'), re.match(r'a?+a', 'a'), re.match(r'a{1,2}+a', 'aaa'))
print(re.match(r'(?>ab|a)c', 'abc'), re.match(r'(?>a|ab)c', 'abc'), re.match(r'(?:a|ab)c', 'abc'))
print(re.match(r'(?:a|ab)*+c', 'abc'), re.match(r'(?:ab|a)*+c', 'ababc'))
print(re.match(r'([a-w])*+x', 'abcx').groups(), re.match(r'(\w)*+x', 'abcx'), re.match(r'(?>(\w)+)!', 'ab!').groups())
print(re.match(r'"(?>[^"\\]+|\\.)*"', r'"a\"b" rest'))
print(re.findall(r'\d++', '12 345 6'), re.findall(r'(?>\d+)\.', '1. 22 333.'))
print(re.match(r'x*+', ''), re.match(r'(?:x?)*+y', 'y'), re.match(r'(?:)++', 'a'))
print(re.match(r'a{2,}+', 'a'), re.match(r'a{2,}+', 'aaaa'), re.match(r'(?:ab){2}+', 'ababab'))
print(re.match(r'a*?+', 'aaa') if False else re.match(r'(?>a*?)b', 'aab'))
# An empty iteration below the minimum does not end a possessive loop.
print(re.search(r'(?<=a)((?(1)a|b)*+)++', 'aab').span(), re.match(r'(?:(x)?)++y', 'xy').groups())
