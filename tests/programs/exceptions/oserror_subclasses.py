# OSError constructor maps errno to subclasses.
for errno, msg in [(2, "ENOENT"), (13, "EACCES"), (17, "EEXIST"), (21, "EISDIR"), (20, "ENOTDIR"), (32, "EPIPE"), (110, "ETIMEDOUT"), (11, "EAGAIN"), (999, "unknown")]:
    e = OSError(errno, msg)
    print(errno, type(e).__name__, e.errno, e.strerror, str(e))
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
print(isinstance(FileNotFoundError(), OSError), FileExistsError.__mro__[1].__name__)
