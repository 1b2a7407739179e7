import re

print(re.search(r'(?<=a)b', 'cab'), re.search(r'(?<!a)b', 'abcb'), re.match(r'(?=a)\w+', 'abc'))
print(re.findall(r'\w+(?=,)', 'a, bb, ccc'), re.findall(r'(?<=-)\w+', 'a-b c-dd'))
print(re.findall(r'\b(?!un)\w+', 'undo redo unto onto'))
print(re.search(r'(?<=\$)\d+(?:\.\d\d)?', 'cost: $42.50'))
print(re.match(r'(?=(\w+))\1', 'abc').groups(), re.match(r'(?!(a))\w', 'b').groups())
print(re.search(r'(?<=(a))b', 'ab').groups(), re.search(r'(?<!(x))b', 'ab').groups())
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
print(re.search(r'(?<=^)a', 'a'), re.search(r'(?<=ab)c', 'abc', 2), re.compile(r'(?<=a)b').search('ab', 1))
print(re.findall(r'(?<![a-z])\d', '1 a2 3'))
try:
    re.compile(r'(?<=a+)b')
except re.error as e:
    print('error', e)
print(re.match(r'(?=a)(?=\w)a', 'a'), re.match(r'(?!a)(?!b)\w', 'c'), re.match(r'(?!a)(?!b)\w', 'b'))
print(re.findall(r'(?=(aa))', 'aaaa'))
