import contextvars
from contextvars import ContextVar, Context, Token, copy_context

v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), w.get(5), w.get(None))
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)

t = v.set(2)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(3)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print('RuntimeError', str(e).startswith('<Token used var=<ContextVar name='), 'has already been used once' in str(e))
t3 = w.set('x')
try:
    v.reset(t3)
except ValueError as e:
    print('ValueError', 'was created by a different ContextVar' in str(e))
try:
    v.reset(1)
except TypeError as e:
    print('TypeError', e)
try:
    ContextVar(1)
except TypeError as e:
    print('TypeError', e)
try:
    Context(1)
except TypeError as e:
    print('TypeError', e)
try:
    Token()
except RuntimeError as e:
    print('RuntimeError', e)
print(ContextVar[int], Token[str])
print(repr(v).startswith("<ContextVar name='v' default=1 at 0x"), repr(w).startswith("<ContextVar name='w' at 0x"))
print(repr(t).startswith("<Token used var=<ContextVar name='v' default=1 at "))
print(type(v).__name__, type(v).__module__, hasattr(v, 'default'))
print(hash(v) == hash(v), v == v, v != w)
