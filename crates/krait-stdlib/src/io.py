# The Python half of Krait's `_io` module (see io.rs): the abstract bases,
# StringIO, BytesIO, FileIO, BufferedRWPair, IncrementalNewlineDecoder,
# open_code and text_encoding, written for Krait against the behaviour of
# CPython 3.11's Modules/_io. It runs in the `_io` module's namespace, after
# io.rs has put there the native stream classes (TextIOWrapper,
# BufferedReader, BufferedWriter, BufferedRandom), open,
# UnsupportedOperation, BlockingIOError and DEFAULT_BUFFER_SIZE.

import posix as _posix

_SEEK_CUR, _SEEK_END = 1, 2


def _closed_error():
    return ValueError("I/O operation on closed file.")


class _IOBase:
    "The abstract base class for all I/O classes."

    __closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise _closed_error() if msg is None else ValueError(msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable." if msg is None else msg)

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable." if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable." if msg is None else msg)

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        if size is None:
            size = -1
        res = bytearray()
        while size < 0 or len(res) < size:
            b = self.read(1)
            if not b:
                break
            res += b
            if res.endswith(b"\n"):
                break
        return bytes(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class _RawIOBase(_IOBase):
    "Base class for raw binary I/O."

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        if res:
            return bytes(res)
        return data


class _BufferedIOBase(_IOBase):
    "Base class for buffered IO objects."

    def read(self, size=-1):
        self._unsupported("read")

    def read1(self, size=-1):
        self._unsupported("read1")

    def write(self, b):
        self._unsupported("write")

    def detach(self):
        self._unsupported("detach")

    def readinto(self, b):
        return self._readinto(b, self.read)

    def readinto1(self, b):
        return self._readinto(b, self.read1)

    def _readinto(self, b, read):
        m = memoryview(b)
        data = read(len(m))
        n = len(data)
        b[:n] = data
        return n


class _TextIOBase(_IOBase):
    "Base class for text I/O."

    def read(self, size=-1):
        self._unsupported("read")

    def write(self, s):
        self._unsupported("write")

    def readline(self, size=-1):
        self._unsupported("readline")

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


def _size_arg(size):
    if size is None:
        return -1
    return size.__index__() if hasattr(type(size), "__index__") else _bad_size(size)


def _bad_size(size):
    raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")


class StringIO(_TextIOBase):
    "Text I/O implementation using an in-memory buffer."

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._buffer = []
        self._value = ""
        self._pos = 0
        self._closed = False
        self._seen = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if self._newline not in (None, ""):
            return None
        kinds = []
        if self._seen & 1:
            kinds.append("\r")
        if self._seen & 2:
            kinds.append("\n")
        if self._seen & 4:
            kinds.append("\r\n")
        if not kinds:
            return None
        return kinds[0] if len(kinds) == 1 else tuple(kinds)

    def getvalue(self):
        self._check()
        return self._value

    def tell(self):
        self._check()
        return self._pos

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        length = len(s)
        if self._newline is None or self._newline == "":
            if "\r" in s:
                if "\r\n" in s:
                    self._seen |= 4
                if s.replace("\r\n", "").count("\r"):
                    self._seen |= 1
                if self._newline is None:
                    s = s.replace("\r\n", "\n").replace("\r", "\n")
            if s.replace("\r\n", "").count("\n"):
                self._seen |= 2
        elif self._newline in ("\r", "\r\n"):
            s = s.replace("\n", self._newline)
        if not s:
            return length
        value = self._value
        pos = self._pos
        if pos > len(value):
            value += "\0" * (pos - len(value))
        self._value = value[:pos] + s + value[pos + len(s):]
        self._pos = pos + len(s)
        return length

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        value = self._value
        pos = min(self._pos, len(value))
        end = len(value) if size < 0 else min(len(value), pos + size)
        self._pos = max(self._pos, end)
        return value[pos:end]

    def _line_end(self, value, pos):
        if self._newline == "":
            i = pos
            n = len(value)
            while i < n:
                c = value[i]
                if c == "\n":
                    return i + 1
                if c == "\r":
                    return i + 2 if value.startswith("\n", i + 1) else i + 1
                i += 1
            return n
        newline = "\n" if self._newline is None else self._newline
        i = value.find(newline, pos)
        return len(value) if i < 0 else i + len(newline)

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        value = self._value
        pos = min(self._pos, len(value))
        end = self._line_end(value, pos)
        if size >= 0:
            end = min(end, pos + size)
        self._pos = max(self._pos, end)
        return value[pos:end]

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check()
        pos = pos.__index__()
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if pos < 0 and whence == 0:
            raise ValueError(f"Negative seek position {pos}")
        if whence != 0 and pos != 0:
            # CPython 3.11 names cur-relative seeks for both whences.
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 2:
            pos = len(self._value)
        elif whence == 1:
            pos = self._pos
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check()
        if pos is None:
            pos = self._pos
        pos = pos.__index__()
        if pos < 0:
            raise ValueError(f"Negative size value {pos}")
        if pos < len(self._value):
            self._value = self._value[:pos]
        return pos

    def detach(self):
        raise UnsupportedOperation("detach")

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, getattr(self, "__dict__", None))


class BytesIO(_BufferedIOBase):
    "Buffered I/O implementation using an in-memory bytes buffer."

    def __init__(self, initial_bytes=None):
        self._data = bytearray()
        self._pos = 0
        self._closed = False
        if initial_bytes is not None:
            self._data += memoryview(initial_bytes).tobytes() if not isinstance(initial_bytes, (bytes, bytearray)) else initial_bytes

    def _check(self):
        if self._closed:
            raise _closed_error()

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def getvalue(self):
        self._check()
        return bytes(self._data)

    def tell(self):
        self._check()
        return self._pos

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError(f"a bytes-like object is required, not 'str'")
        data = b if isinstance(b, (bytes, bytearray)) else memoryview(b).tobytes()
        n = len(data)
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._data):
            self._data += bytes(pos - len(self._data))
        self._data[pos:pos + n] = data
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        data = self._data
        pos = min(self._pos, len(data))
        end = len(data) if size < 0 else min(len(data), pos + size)
        self._pos = max(self._pos, end)
        return bytes(data[pos:end])

    read1 = read

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        data = self._data
        pos = min(self._pos, len(data))
        i = data.find(b"\n", pos)
        end = len(data) if i < 0 else i + 1
        if size >= 0:
            end = min(end, pos + size)
        self._pos = max(self._pos, end)
        return bytes(data[pos:end])

    def readinto(self, b):
        self._check()
        m = memoryview(b)
        data = self.read(len(m))
        n = len(data)
        b[:n] = data
        return n

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check()
        pos = pos.__index__()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._data) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        size = size.__index__()
        if size < 0:
            raise ValueError(f"negative size value {size}")
        del self._data[size:]
        return size

    def __getstate__(self):
        return (self.getvalue(), self._pos, getattr(self, "__dict__", None))


class FileIO(_RawIOBase):
    "Raw I/O on an operating-system file descriptor."

    def __init__(self, file, mode="r", closefd=True, opener=None):
        self._fd = -1
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if not isinstance(mode, str):
            raise TypeError(f"FileIO() argument 'mode' must be str, not {type(mode).__name__}")
        if not set(mode) <= set("rwaxb+") or len(set(mode)) != len(mode):
            raise ValueError(f"invalid mode: {mode}")
        if sum(c in "rwax" for c in mode) != 1:
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
        self._readable = "r" in mode or "+" in mode
        self._writable = "r" not in mode or "+" in mode
        self._appending = "a" in mode
        if "x" in mode:
            flags = _posix.O_EXCL | _posix.O_CREAT
        elif "w" in mode:
            flags = _posix.O_CREAT | _posix.O_TRUNC
        elif "a" in mode:
            flags = _posix.O_APPEND | _posix.O_CREAT
        else:
            flags = 0
        if self._readable and self._writable:
            flags |= _posix.O_RDWR
        elif self._readable:
            flags |= _posix.O_RDONLY
        else:
            flags |= _posix.O_WRONLY
        flags |= getattr(_posix, "O_CLOEXEC", 0)
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            fd = file
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            fd = opener(file, flags) if opener is not None else _posix.open(file, flags, 0o666)
            if not isinstance(fd, int):
                raise TypeError("expected integer from opener")
        self._fd = fd
        self._closefd = closefd
        self.name = file
        self._mode = ("xb" if "x" in mode else "ab" if "a" in mode else "rb" if "r" in mode else "wb")
        if "+" in mode:
            self._mode = self._mode[0] + "b+"
        if self._appending:
            try:
                _posix.lseek(fd, 0, _SEEK_END)
            except OSError:
                pass

    @property
    def mode(self):
        if self._mode in ("rb+", "wb+", "xb+", "ab+"):
            return {"rb+": "rb+", "wb+": "rb+", "xb+": "xb+", "ab+": "ab+"}[self._mode]
        return self._mode

    @property
    def closefd(self):
        return self._closefd

    @property
    def closed(self):
        return self._fd < 0

    def _check(self):
        if self._fd < 0:
            raise _closed_error()

    def fileno(self):
        self._check()
        return self._fd

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        try:
            _posix.lseek(self._fd, 0, _SEEK_CUR)
        except OSError:
            return False
        return True

    def isatty(self):
        self._check()
        return _posix.isatty(self._fd)

    def read(self, size=-1):
        self._check()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        size = _size_arg(size)
        if size < 0:
            return self.readall()
        return _posix.read(self._fd, size)

    def readall(self):
        self._check()
        chunks = []
        while True:
            data = _posix.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)

    def readinto(self, b):
        m = memoryview(b)
        data = self.read(len(m))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        return _posix.write(self._fd, b)

    def seek(self, pos, whence=0):
        self._check()
        return _posix.lseek(self._fd, pos, whence)

    def tell(self):
        self._check()
        return _posix.lseek(self._fd, 0, _SEEK_CUR)

    def truncate(self, size=None):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        if size is None:
            size = self.tell()
        _posix.ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd >= 0:
            fd = self._fd
            self._fd = -1
            if self._closefd:
                _posix.close(fd)

    def __repr__(self):
        if self._fd < 0:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode={self.mode!r} closefd={self._closefd!r}>"


class BufferedRWPair(_BufferedIOBase):
    "A buffered reader and writer object together."

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        if not reader.readable():
            raise UnsupportedOperation('"reader" argument must be readable.')
        if not writer.writable():
            raise UnsupportedOperation('"writer" argument must be writable.')
        self.reader = reader
        self.writer = writer

    def read(self, size=-1):
        return self.reader.read(-1 if size is None else size)

    def readinto(self, b):
        return self.reader.readinto(b)

    def write(self, b):
        return self.writer.write(b)

    def peek(self, size=0):
        return self.reader.peek(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def flush(self):
        return self.writer.flush()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    def isatty(self):
        return self.reader.isatty() or self.writer.isatty()

    @property
    def closed(self):
        return self.writer.closed


class IncrementalNewlineDecoder:
    "Codec used when reading a file in universal newlines mode."

    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self._seen = 0
        self._pendingcr = False

    def decode(self, input, final=False):
        if self.decoder is None:
            output = input
        else:
            output = self.decoder.decode(input, final=final)
        if self._pendingcr and (output or final):
            output = "\r" + output
            self._pendingcr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self._pendingcr = True
        crlf = output.count("\r\n")
        cr = output.count("\r") - crlf
        lf = output.count("\n") - crlf
        self._seen |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace("\r\n", "\n")
            if cr:
                output = output.replace("\r", "\n")
        return output

    def getstate(self):
        if self.decoder is None:
            buf, flag = b"", 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self._pendingcr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self._pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self._seen = 0
        self._pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"), ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self._seen]


def open_code(path):
    "Opens the provided file with the intent to import the contents."
    if not isinstance(path, str):
        raise TypeError(f"open_code() argument 'path' must be str, not {type(path).__name__}")
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    "A helper function to choose the text encoding."
    if encoding is None:
        return "locale"
    return encoding

