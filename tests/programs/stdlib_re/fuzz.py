# Random patterns (seeded) over a small grammar, differential against CPython:
# search spans, groups, lastindex, findall, sub, split and fullmatch.
import re, random
rng = random.Random(2024)
atoms = ['a', 'b', 'c', '.', '[ab]', '[^a]', r'\w', r'\s', r'\d', r'\b', '^', '$', '(?:a|bc)', '(a|b)', '(?=a)', '(?!b)', '(?<=a)', '(?<!c)', r'\1', '(?P<n>ab?)', '(?(1)a|b)', '(?>a+)', 'x?', ' ']
quants = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{1,2}', '{2}', '*+', '++', '?+', '{0,2}?']
def gen(depth=0):
    n = rng.randint(1, 4)
    out = []
    for _ in range(n):
        if depth < 2 and rng.random() < 0.25:
            inner = gen(depth + 1)
            a = rng.choice(['(%s)', '(?:%s)', '(?:%s|%s)' % ('%s', gen(depth + 1).replace('%', '')), '(?>%s)', '(?=%s)']) % inner
        else:
            a = rng.choice(atoms)
        q = rng.choice(quants)
        out.append(a + q)
    return ''.join(out)
subjects = ['', 'ab', 'aab', 'abcabc', 'a b\nc', ' a1 b2 ']
for i in range(150):
    pat = gen()
    flags = rng.choice([0, 0, re.I, re.M, re.S])
    try:
        p = re.compile(pat, flags)
    except re.error as e:
        print(i, 'error', e); continue
    for s in subjects:
        try:
            m = p.search(s)
            r = (m.span(), m.groups(), m.lastindex) if m else None
            print(i, repr(pat), repr(s), r, p.findall(s)[:5], p.sub('-', s), p.split(s)[:6], bool(p.fullmatch(s)))
        except Exception as e:
            print(i, 'exc', type(e).__name__, e)
