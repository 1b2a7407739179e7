from contextvars import ContextVar, Context, copy_context

a = ContextVar('a', default='top')
b = ContextVar('b')

def work(x, y=0):
    a.set('inner')
    b.set(x + y)
    return a.get(), b.get()

ctx = copy_context()
print(ctx.run(work, 1, y=2))
print(a.get(), b.get('unset'))
print(ctx[a], ctx[b], ctx.get(a), ctx.get(b), ctx.get(ContextVar('z')), ctx.get(ContextVar('z'), 9))
print(len(ctx), a in ctx, b in ctx, sorted(x.name for x in ctx))
print(sorted(v.name for v in ctx.keys()), sorted(ctx.values(), key=str), sorted((k.name, v) for k, v in ctx.items()))
try:
    ctx[ContextVar('q')]
except KeyError as e:
    print('KeyError', type(e.args[0]).__name__)
try:
    ctx['a']
except TypeError as e:
    print('TypeError', e)
try:
    1 in ctx
except TypeError as e:
    print('TypeError', e)

c2 = ctx.copy()
c2.run(a.set, 'copy')
print(ctx[a], c2[a], ctx == c2, ctx == ctx.copy(), Context() == Context(), len(Context()))

def reenter():
    ctx.run(lambda: None)
try:
    ctx.run(reenter)
except RuntimeError as e:
    print('RuntimeError', str(e).startswith('cannot enter context: <_contextvars.Context object at'))
try:
    hash(ctx)
except TypeError as e:
    print('TypeError', 'unhashable type' in str(e))

# tokens made in one context cannot reset in another
tok = ctx.run(a.set, 'again')
try:
    a.reset(tok)
except ValueError as e:
    print('ValueError', 'was created in a different Context' in str(e))
ctx.run(a.reset, tok)
print(ctx[a])

def raiser():
    a.set('during')
    raise ValueError('boom')
c3 = copy_context()
try:
    c3.run(raiser)
except ValueError as e:
    print('caught', e, a.get(), c3[a])
print(copy_context()[a] if a in copy_context() else 'a not set at top')
