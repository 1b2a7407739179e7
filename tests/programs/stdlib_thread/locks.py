import _thread

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(_thread.TIMEOUT_MAX, _thread.error, _thread._count(), type(_thread.get_ident()).__name__)
print(_thread.get_ident() == _thread.get_ident(), _thread.LockType, _thread.RLock)
lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, repr(lock).startswith("<unlocked _thread.lock object at 0x"))
print(lock.locked(), lock.acquire(), lock.locked(), repr(lock).startswith("<locked _thread.lock"))
print(lock.acquire(False), lock.acquire(timeout=0.01), lock.acquire(blocking=False))
lock.release()
show("release unlocked", lambda: lock.release())
show("timeout non-blocking", lambda: lock.acquire(False, 1))
show("negative timeout", lambda: lock.acquire(True, -2))
show("too many", lambda: lock.acquire(1, 2, 3))
show("bad keyword", lambda: lock.acquire(blocking=False, x=1))
show("new lock", lambda: _thread.LockType())
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
print(repr(r).startswith("<locked _thread.RLock object owner="), "count=2" in repr(r))
r.release(); r.release()
print(r._is_owned(), r._recursion_count(), repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0"))
show("rlock release", lambda: r.release())
with r:
    with r:
        print("nested", r._recursion_count())
print(r._is_owned())
r.acquire()
state = r._release_save()
print(r._is_owned(), state[0])
r._acquire_restore(state)
print(r._is_owned(), r._recursion_count())
r.release()
class MyRLock(_thread.RLock):
    pass
m = MyRLock()
print(m.acquire(), type(m).__name__)
