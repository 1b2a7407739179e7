# _random (MT19937 seeded as CPython seeds it) and _sha512, used by random.py.
import _random, _sha512
r=_random.Random(); print(r.seed(42), r.random(), r.getrandbits(70), r.getrandbits(0), r.getrandbits(5), r.getrandbits(32), r.getrandbits(33))
for f in [lambda: r.getrandbits(-1), lambda: r.setstate(1), lambda: r.setstate((1,)*3), lambda: r.setstate((1,)*624+(700,)), lambda: r.seed(1,2), lambda: r.seed([1]), lambda: _random.Random(x=1), lambda: r.setstate(('a',)*625)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
r.seed(-5); print(r.random()); r.seed(2**100); print(r.random()); r.seed(3.5); print(r.random()); r.seed('abc'); print(r.random()); r.seed(None); r.seed(True); print(r.random())
s=r.getstate(); print(len(s), s[-1], type(s), s[:3])
x = [r.random() for _ in range(5)]
r.setstate(s); print([r.random() for _ in range(5)] == x)
r2 = _random.Random(7); print(r2.random(), _random.Random(0).random(), _random.Random(2**32).random())
for n in [1, 31, 32, 63, 64, 65, 1000]:
    r.seed(n); print(n, r.getrandbits(n))
h=_sha512.sha512(b'abc'); print(h.name, h.digest_size, h.block_size, h.hexdigest(), _sha512.sha384(b'abc').hexdigest())
h2 = h.copy(); h2.update(b'x' * 300); print(h2.hexdigest(), h.hexdigest()[:10], _sha512.sha512().hexdigest()[:16], _sha512.sha512(b'a'*111).hexdigest()[:16], _sha512.sha512(b'a'*112).hexdigest()[:16], _sha512.sha512(b'a'*128).hexdigest()[:16])
for f in [lambda: _sha512.sha512('abc'), lambda: _sha512.sha512(1), lambda: _sha512.sha512(b'a', b'b')]:
  try: f()
  except Exception as e: print(type(e).__name__, e)
print(type(h).__name__, type(h).__module__, h.digest()[:4], _sha512.sha512(string=b'q', usedforsecurity=False).hexdigest()[:8])
