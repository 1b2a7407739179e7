import string

print(string.ascii_letters, string.digits, string.punctuation)
print(string.capwords('hello   world  foo'))

f = string.Formatter()
print(f.format('{0} + {1} = {2}', 1, 2, 3))
print(f.format('{name!r:>10}|{x:.3f}', name='ab', x=3.14159))
print(f.format('{0[1]} {a.real}', [1, 2], a=5))
print(f.format('{} {} {}', 'a', 'b', 'c'))
print(f.vformat('{0:{1}}|', ('x', 5), {}))
print(list(f.parse('a{0}b{1!s:3}c')))

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<' + key + '>'
        return super().get_value(key, args, kwargs)

print(Upper().format('{greeting}, {0} {missing}', 'world', greeting='hi'))

try:
    f.format('{} {0}', 1, 2)
except ValueError as e:
    print('ValueError:', e)

t = string.Template('$who likes ${what}; $$ is a dollar')
print(t.substitute(who='tim', what='kung pao'))
print(t.safe_substitute(who='tim'))
try:
    t.substitute(who='tim')
except KeyError as e:
    print('KeyError:', e)
try:
    string.Template('$who $').substitute(who='x')
except ValueError as e:
    print('ValueError:', e)
print(string.Template('$a$b').get_identifiers(), string.Template('$a').is_valid())

class MyTemplate(string.Template):
    delimiter = '%'
print(MyTemplate('%x and %{y}').substitute(x=1, y=2))
