import posix, sys

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print('posix' in sys.builtin_module_names, 'itertools' in sys.builtin_module_names, '_collections' in sys.builtin_module_names)
print(type(posix.environ).__name__, all(type(k) is bytes for k in posix.environ), posix.getpid() > 0)
print(len(posix.urandom(16)), posix.urandom(0), posix.fspath('a'), posix.fspath(b'b'))
class P:
    def __fspath__(self):
        return 'from-fspath'
print(posix.fspath(P()), posix.strerror(2), posix.getcwd() == posix.getcwdb().decode())
show("fspath int", lambda: posix.fspath(1))
show("urandom neg", lambda: posix.urandom(-1))
show("stat missing", lambda: posix.stat('no_such_file_here'))
show("listdir missing", lambda: posix.listdir('no_such_dir_here'))
st = posix.stat('posix_basic.py')
print(type(st).__name__, st.st_size > 100, st.st_mode & 0o170000 == 0o100000, st[6] == st.st_size, len(st))
print(posix.lstat('.').st_mode & 0o170000 == 0o040000, type(st.st_mtime_ns).__name__)
print('posix_basic.py' in posix.listdir('.'), 'posix_basic.py'.encode() in posix.listdir(b'.'))
with posix.scandir('.') as it:
    entries = sorted((e.name, e.is_file(), e.is_dir()) for e in it if e.name == 'posix_basic.py')
print(entries)
fd = posix.open('posix_basic.py', posix.O_RDONLY)
print(posix.read(fd, 10), posix.fstat(fd).st_size == st.st_size)
posix.close(fd)
show("close again", lambda: posix.close(fd))
posix.putenv('KRAIT_TEST_VAR', 'v1')
posix.unsetenv('KRAIT_TEST_VAR')
show("putenv bad", lambda: posix.putenv('A=B', 'x'))
