# Needs _weakref (os imports abc) and re/_sre or _warnings (random imports warnings).
import os
print(os.name, os.sep, os.getcwd() == os.path.abspath('.'), len(os.urandom(5)), os.fspath('x'))
print(os.path.exists('os_random.py'), os.path.isdir('.'), os.path.isfile('.'), os.path.exists('/nonexistent'))
print(os.path.join('a', 'b'), os.path.splitext('x.py'), os.path.basename('/a/b.c'), 'os_random.py' in os.listdir('.'))
import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice('abc'), random.sample(range(10), 3), random.uniform(1, 2))
random.seed("hello"); print(random.random()); random.seed(b"xy"); print(random.getrandbits(40))
r = random.Random(5); l = list(range(10)); r.shuffle(l); print(l, r.gauss(0, 1), r.choices('abc', k=4), r.randrange(0, 100, 7))
