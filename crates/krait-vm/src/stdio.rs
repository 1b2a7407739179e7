//! Krait's stream objects: `sys.stdin`, `sys.stdout`, `sys.stderr` and the
//! files `open()` returns, all one Rust payload (`PyStream`) over a file
//! descriptor, seen through four builtin classes: `_io.TextIOWrapper`
//! (text, this file's surface) and `_io.BufferedReader`, `BufferedWriter`,
//! `BufferedRandom` (bytes, `bufferedio.rs`).
//!
//! This is CPython's `io` stack (`FileIO` under a `Buffered*` under
//! `TextIOWrapper`) folded into one object: a byte buffer of read-ahead, a
//! byte buffer of pending writes, and for text an encoding and a newline
//! mode. Because the newline characters are single bytes in every codec
//! Krait has (UTF-8, latin-1, ASCII) and never occur inside a multi-byte
//! UTF-8 sequence, lines are found in the bytes before decoding, and the
//! text stream's position is simply the byte position (CPython's `tell`
//! cookie reduces to the same when the decoder holds no state).
//!
//! Buffering follows CPython: stdout is line-buffered when it is a
//! terminal and block-buffered otherwise; stderr is written through (each
//! `write` reaches the descriptor), and before anything is written to
//! stderr, stdout's buffer is flushed so that the two interleave as the
//! program wrote them. Files are block-buffered (line-buffered with
//! `buffering=1`). Reading and writing share the descriptor's position:
//! before a write the unread read-ahead is given back with `lseek`, and
//! before a read the pending writes are flushed.
//!
//! Krait has no finalizers, so an unclosed file is flushed by two other
//! means: the descriptor and its pending bytes live in an `Rc<RawFile>`
//! that the VM keeps in a registry (`IoState::open_files`, purged of
//! closed files as new ones open) and `flush_std_streams` flushes at exit;
//! and the payload's `Drop` (run when the collector frees the object)
//! flushes and closes, which needs no Python code.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::protocol::{call, number, object};
use crate::types::bytes::new_bytes_vec;
use crate::types::module::PyModule;
use crate::types::str::PyStr;
use crate::types::str_methods::{self, Codec};
use crate::types::typeobject::{dict_set_str, init_builtin_type, PyType};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// Bytes buffered for a block-buffered stream before it is flushed.
const BLOCK_SIZE: usize = 8192;

/// The descriptor and the bytes not yet written to it: the part of a
/// stream that the VM's registry shares, so it can be flushed at exit.
pub(crate) struct RawFile {
    fd: i32,
    /// Close the descriptor with the stream (false for the standard
    /// streams and `open(fd, closefd=False)`).
    closefd: bool,
    closed: Cell<bool>,
    pending: RefCell<Vec<u8>>,
}

impl RawFile {
    /// Write out the pending bytes.
    fn flush(&self) -> std::io::Result<()> {
        let data = std::mem::take(&mut *self.pending.borrow_mut());
        let mut written = 0;
        while written < data.len() {
            let rest = &data[written..];
            // SAFETY: `rest` is a valid buffer of `rest.len()` bytes.
            let n = unsafe { libc::write(self.fd, rest.as_ptr().cast(), rest.len()) };
            if n < 0 {
                let error = std::io::Error::last_os_error();
                if error.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(error);
            }
            written += n as usize;
        }
        Ok(())
    }

    /// Flush, then close the descriptor if the stream owns it; once.
    fn close(&self) -> std::io::Result<()> {
        if self.closed.replace(true) {
            return Ok(());
        }
        let flushed = self.flush();
        // SAFETY: the descriptor is ours and closed exactly once.
        if self.closefd && unsafe { libc::close(self.fd) } < 0 && flushed.is_ok() {
            return Err(std::io::Error::last_os_error());
        }
        flushed
    }
}

/// The VM's I/O state: the stream classes and the open files.
#[derive(Default)]
pub(crate) struct IoState {
    pub(crate) types: Option<StreamTypes>,
    open_files: Vec<Rc<RawFile>>,
}

/// The stream classes (immortal) and `io.UnsupportedOperation`.
#[derive(Clone, Copy)]
pub(crate) struct StreamTypes {
    pub(crate) text: Gc<PyType>,
    pub(crate) buffered_reader: Gc<PyType>,
    pub(crate) buffered_writer: Gc<PyType>,
    pub(crate) buffered_random: Gc<PyType>,
    unsupported: Gc<PyType>,
}

/// How a text stream finds and translates line endings (`newline=`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newline {
    /// `None`: any of `\n`, `\r\n`, `\r` ends a line and reads as `\n`.
    Translate,
    /// `''`: any of them ends a line, returned untranslated.
    Universal,
    Lf,
    Cr,
    CrLf,
}

impl Newline {
    /// What `'\n'` becomes when written.
    fn written(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            _ => None,
        }
    }

    /// The end of the first line of `buf` (one past its newline), or None
    /// if no complete line ending is in it yet (`eof`: no more bytes come).
    fn line_end(self, buf: &[u8], eof: bool) -> Option<usize> {
        match self {
            Newline::Lf => buf.iter().position(|&b| b == b'\n').map(|i| i + 1),
            Newline::Cr => buf.iter().position(|&b| b == b'\r').map(|i| i + 1),
            Newline::CrLf => buf.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
            Newline::Translate | Newline::Universal => {
                let i = buf.iter().position(|&b| b == b'\n' || b == b'\r')?;
                if buf[i] == b'\n' {
                    Some(i + 1)
                } else if i + 1 < buf.len() {
                    Some(if buf[i + 1] == b'\n' { i + 2 } else { i + 1 })
                } else if eof {
                    Some(i + 1)
                } else {
                    None
                }
            }
        }
    }
}

/// How a stream is made: everything `open()` decides.
pub(crate) struct StreamOptions {
    pub fd: i32,
    pub closefd: bool,
    pub name: Value,
    pub mode: String,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    pub line_buffering: bool,
    pub write_through: bool,
    pub codec: Codec,
    pub encoding: String,
    pub errors: String,
    pub newline: Newline,
}

/// A stream over a file descriptor (text or binary).
#[repr(C)]
pub struct PyStream {
    header: ObjHeader,
    raw: Rc<RawFile>,
    /// The file name (str or bytes) or descriptor (int) it was opened with.
    name: Value,
    mode: Box<str>,
    pub(crate) binary: bool,
    readable: bool,
    writable: bool,
    seekable: bool,
    /// Flush after each write containing a newline.
    line_buffering: bool,
    /// Flush after every write (stderr).
    write_through: bool,
    codec: Codec,
    encoding: Box<str>,
    errors: Box<str>,
    newline: Newline,
    /// Bytes read but not yet returned, from `read_pos` on.
    input: RefCell<Vec<u8>>,
    read_pos: Cell<usize>,
    at_eof: Cell<bool>,
}

impl_payload!(PyStream, Stream);

impl Drop for PyStream {
    /// The collector freed an unclosed stream: flush it and close its
    /// descriptor (CPython's `IOBase.__del__`, minus Python code).
    fn drop(&mut self) {
        let _ = self.raw.close();
    }
}

impl PyStream {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.name);
    }

    pub(crate) fn new(options: StreamOptions) -> PyStream {
        // SAFETY: `lseek` with offset 0 from the current position only queries it.
        let seekable = unsafe { libc::lseek(options.fd, 0, libc::SEEK_CUR) } >= 0;
        PyStream {
            header: ObjHeader::new(PyStream::LAYOUT, Value::NULL),
            raw: Rc::new(RawFile {
                fd: options.fd,
                closefd: options.closefd,
                closed: Cell::new(false),
                pending: RefCell::new(Vec::new()),
            }),
            name: options.name,
            mode: options.mode.into(),
            binary: options.binary,
            readable: options.readable,
            writable: options.writable,
            seekable,
            line_buffering: options.line_buffering,
            write_through: options.write_through,
            codec: options.codec,
            encoding: options.encoding.into(),
            errors: options.errors.into(),
            newline: options.newline,
            input: RefCell::new(Vec::new()),
            read_pos: Cell::new(0),
            at_eof: Cell::new(false),
        }
    }

    /// Put a new file's descriptor in the VM's registry of open files.
    pub(crate) fn register(&self, vm: &mut Vm) {
        let files = &mut vm.io.open_files;
        files.retain(|file| !file.closed.get());
        files.push(self.raw.clone());
    }

    pub fn closed(&self) -> bool {
        self.raw.closed.get()
    }

    pub(crate) fn fd(&self) -> i32 {
        self.raw.fd
    }

    pub(crate) fn name(&self) -> Value {
        self.name
    }

    pub(crate) fn is_readable(&self) -> bool {
        self.readable
    }

    pub(crate) fn is_writable(&self) -> bool {
        self.writable
    }

    pub(crate) fn is_seekable(&self) -> bool {
        self.seekable
    }

    pub(crate) fn check_open(&self, vm: &mut Vm) -> PyResult<()> {
        self.check_open_message(vm, "I/O operation on closed file.")
    }

    pub(crate) fn check_open_message(&self, vm: &mut Vm, message: &str) -> PyResult<()> {
        if self.closed() {
            return Err(vm.value_error(message));
        }
        Ok(())
    }

    /// Write text, honouring the stream's newline mode, encoding and buffering.
    pub fn write_text(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        self.check_open(vm)?;
        if !self.writable {
            return Err(unsupported(vm, "not writable"));
        }
        let translated;
        let text = match self.newline.written() {
            Some(newline) if text.contains('\n') => {
                translated = text.replace('\n', newline);
                translated.as_str()
            }
            _ => text,
        };
        let has_newline = text.contains(['\n', '\r']);
        if self.codec == Codec::Utf8 || text.is_ascii() {
            self.write_bytes(vm, text.as_bytes(), has_newline)
        } else {
            let source = vm.new_str(text);
            let (encoding, errors) = (self.encoding.to_string(), self.errors.to_string());
            let data = str_methods::encode(vm, text, source, &encoding, &errors)?;
            self.write_bytes(vm, &data, has_newline)
        }
    }

    /// Buffer bytes for writing (the stream is open and writable).
    pub(crate) fn write_bytes(&self, vm: &mut Vm, data: &[u8], has_newline: bool) -> PyResult<()> {
        if self.write_through {
            // Keep stdout's earlier output ahead of this.
            flush_native(vm, "__stdout__")?;
        }
        self.give_back_input(vm)?;
        let flush_now = {
            let mut pending = self.raw.pending.borrow_mut();
            pending.extend_from_slice(data);
            self.write_through || pending.len() >= BLOCK_SIZE || (self.line_buffering && has_newline)
        };
        if flush_now {
            self.flush(vm)?;
        }
        Ok(())
    }

    /// Write out the buffered bytes.
    pub fn flush(&self, vm: &mut Vm) -> PyResult<()> {
        self.raw.flush().map_err(|error| os_error(vm, error))
    }

    /// Drop the read-ahead, moving the descriptor back to the logical
    /// position, before a write or a seek.
    fn give_back_input(&self, vm: &mut Vm) -> PyResult<()> {
        let unread = self.buffered();
        self.input.borrow_mut().clear();
        self.read_pos.set(0);
        self.at_eof.set(false);
        if unread > 0 && self.seekable {
            // SAFETY: `lseek` only moves the descriptor's position.
            if unsafe { libc::lseek(self.raw.fd, -(unread as libc::off_t), libc::SEEK_CUR) } < 0 {
                return Err(os_error(vm, std::io::Error::last_os_error()));
            }
        }
        Ok(())
    }

    /// Read more bytes into the input buffer; false at end of file.
    fn fill(&self, vm: &mut Vm) -> PyResult<bool> {
        if self.at_eof.get() {
            return Ok(false);
        }
        if !self.raw.pending.borrow().is_empty() {
            self.flush(vm)?;
        }
        let mut chunk = [0u8; BLOCK_SIZE];
        loop {
            // SAFETY: `chunk` is a valid writable buffer of its length.
            let n = unsafe { libc::read(self.raw.fd, chunk.as_mut_ptr().cast(), chunk.len()) };
            if n < 0 {
                let error = std::io::Error::last_os_error();
                if error.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(os_error(vm, error));
            }
            if n == 0 {
                self.at_eof.set(true);
                return Ok(false);
            }
            let mut input = self.input.borrow_mut();
            let pos = self.read_pos.get();
            input.drain(..pos);
            self.read_pos.set(0);
            input.extend_from_slice(&chunk[..n as usize]);
            return Ok(true);
        }
    }

    fn buffered(&self) -> usize {
        self.input.borrow().len() - self.read_pos.get()
    }

    /// Bytes to buffer before `limit` characters (or bytes) are surely in:
    /// four bytes a UTF-8 character, and one more to see a `\r\n` whole.
    fn bytes_for(&self, limit: usize) -> usize {
        if self.binary {
            limit
        } else {
            limit.saturating_mul(4).saturating_add(1)
        }
    }

    /// The next line's bytes, with its line ending; at most `limit`
    /// characters (bytes for a binary stream) if given.
    pub(crate) fn read_line_bytes(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
        let newline = if self.binary { Newline::Lf } else { self.newline };
        // End of file is seen afresh by each call: the file may have grown.
        self.at_eof.set(false);
        loop {
            let eof = self.at_eof.get();
            let end = {
                let input = self.input.borrow();
                newline.line_end(&input[self.read_pos.get()..], eof)
            };
            if let Some(end) = end {
                return Ok(self.take_limited(end, limit));
            }
            if eof || limit.is_some_and(|limit| self.buffered() >= self.bytes_for(limit)) {
                return Ok(self.take_limited(self.buffered(), limit));
            }
            self.fill(vm)?;
        }
    }

    /// Everything up to end of file, or `limit` characters (bytes).
    pub(crate) fn read_bytes(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
        self.at_eof.set(false);
        while limit.is_none_or(|limit| self.buffered() < self.bytes_for(limit)) {
            if !self.fill(vm)? {
                break;
            }
        }
        Ok(self.take_limited(self.buffered(), limit))
    }

    /// Take up to `len` buffered bytes, cut at `limit` characters (bytes).
    fn take_limited(&self, len: usize, limit: Option<usize>) -> Vec<u8> {
        let pos = self.read_pos.get();
        let input = self.input.borrow();
        let bytes = &input[pos..pos + len];
        let len = match limit {
            None => len,
            Some(limit) if self.binary => len.min(limit),
            Some(limit) => char_prefix_len(bytes, limit, self.codec, self.newline == Newline::Translate),
        };
        self.read_pos.set(pos + len);
        bytes[..len].to_vec()
    }

    /// Decode bytes read from a text stream and translate its newlines.
    pub(crate) fn decode(&self, vm: &mut Vm, data: Vec<u8>) -> PyResult {
        let text = match (self.codec, String::from_utf8(data)) {
            (Codec::Utf8, Ok(text)) => text,
            (_, result) => {
                let data = result.map_or_else(|e| e.into_bytes(), String::into_bytes);
                let source = new_bytes_vec(vm, data.clone());
                let errors = match &*self.errors {
                    "surrogateescape" | "surrogatepass" => "strict".to_string(),
                    errors => errors.to_string(),
                };
                let encoding = self.codec.name();
                let text = str_methods::decode(vm, &data, source, encoding, &errors)?;
                if self.newline != Newline::Translate {
                    return Ok(text);
                }
                match text.downcast::<PyStr>() {
                    Some(s) => s.as_str().to_string(),
                    None => return Ok(text),
                }
            }
        };
        if self.newline == Newline::Translate && text.contains('\r') {
            return Ok(vm.new_str(&text.replace("\r\n", "\n").replace('\r', "\n")));
        }
        Ok(vm.new_str(&text))
    }

    /// The logical position: the descriptor's, less the unread read-ahead.
    pub(crate) fn tell(&self, vm: &mut Vm) -> PyResult<i64> {
        self.flush(vm)?;
        // SAFETY: `lseek` with offset 0 from the current position only queries it.
        let pos = unsafe { libc::lseek(self.raw.fd, 0, libc::SEEK_CUR) };
        if pos < 0 {
            return Err(os_error(vm, std::io::Error::last_os_error()));
        }
        Ok(pos - self.buffered() as i64)
    }

    /// Move to `offset` from the start (0), current position (1) or end (2).
    pub(crate) fn seek(&self, vm: &mut Vm, offset: i64, whence: i32) -> PyResult<i64> {
        self.flush(vm)?;
        let offset = if whence == libc::SEEK_CUR { offset - self.buffered() as i64 } else { offset };
        self.input.borrow_mut().clear();
        self.read_pos.set(0);
        self.at_eof.set(false);
        // SAFETY: `lseek` only moves the descriptor's position.
        let pos = unsafe { libc::lseek(self.raw.fd, offset, whence) };
        if pos < 0 {
            return Err(os_error(vm, std::io::Error::last_os_error()));
        }
        Ok(pos)
    }

    /// Cut the file to `size` bytes (default: the current position); the
    /// position does not move.
    pub(crate) fn truncate(&self, vm: &mut Vm, size: Option<i64>) -> PyResult<i64> {
        self.flush(vm)?;
        self.give_back_input(vm)?;
        let size = match size {
            Some(size) => size,
            None => self.tell(vm)?,
        };
        // SAFETY: `ftruncate` only resizes the open file.
        if unsafe { libc::ftruncate(self.raw.fd, size) } < 0 {
            return Err(os_error(vm, std::io::Error::last_os_error()));
        }
        Ok(size)
    }

    /// Flush and close (once); the standard streams keep their descriptor.
    pub(crate) fn close(&self, vm: &mut Vm) -> PyResult<()> {
        self.raw.close().map_err(|error| os_error(vm, error))
    }
}

/// How many bytes of `bytes` hold its first `limit` characters; `\r\n`
/// counts as one character when `crlf_is_one` (it reads as one `\n`).
fn char_prefix_len(bytes: &[u8], limit: usize, codec: Codec, crlf_is_one: bool) -> usize {
    let mut i = 0;
    let mut chars = 0;
    while i < bytes.len() && chars < limit {
        let b = bytes[i];
        i += if crlf_is_one && b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else if codec == Codec::Utf8 {
            let width = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            let continuation = bytes[i + 1..].iter().take(width - 1).take_while(|&&c| c & 0xC0 == 0x80).count();
            1 + continuation
        } else {
            1
        };
        chars += 1;
    }
    i
}

/// An `OSError` from the operating system's error, without a file name.
pub(crate) fn os_error(vm: &mut Vm, error: std::io::Error) -> PyErr {
    let errno = error.raw_os_error().unwrap_or(0);
    os_error_from_errno(vm, errno, Value::NULL)
}

/// `OSError(errno, strerror[, filename])`, which picks the subclass for
/// the errno (`FileNotFoundError`...) as CPython's `PyErr_SetFromErrno`.
pub(crate) fn os_error_from_errno(vm: &mut Vm, errno: i32, filename: Value) -> PyErr {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let strerror = vm.new_str(&text);
    let errno = Value::from_small(errno as i64);
    let class = vm.exceptions.os_error.value();
    let result = if filename.is_null() {
        call::call(vm, class, &[errno, strerror])
    } else {
        call::call(vm, class, &[errno, strerror, filename])
    };
    match result {
        Ok(exception) => PyErr::from_exception(exception),
        Err(err) => err,
    }
}

/// `io.UnsupportedOperation(message)`.
pub(crate) fn unsupported(vm: &mut Vm, message: &str) -> PyErr {
    let ty = match vm.io.types {
        Some(types) => types.unsupported,
        None => vm.exceptions.os_error,
    };
    vm.new_error(ty, message)
}

/// The stream classes `TextIOWrapper`, `BufferedReader`, `BufferedWriter`,
/// `BufferedRandom`, for `_io` to export.
pub fn stream_types(vm: &mut Vm) -> Option<[Gc<PyType>; 4]> {
    vm.io.types.map(|t| [t.text, t.buffered_reader, t.buffered_writer, t.buffered_random])
}

/// The `io.UnsupportedOperation` class created with the standard streams.
pub fn unsupported_operation_type(vm: &mut Vm) -> Option<Gc<PyType>> {
    vm.io.types.map(|types| types.unsupported)
}

fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let sys = vm.sys_module.downcast::<PyModule>()?;
    sys.get_attr(vm, name)
}

/// `sys.<name>` (`"stdout"`...), with CPython's error when it is missing.
pub fn sys_stream(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match sys_attr(vm, name) {
        Some(stream) => Ok(stream),
        None => Err(vm.runtime_error(format!("lost sys.{name}"))),
    }
}

/// Flush `sys.<name>` if it is one of ours.
fn flush_native(vm: &mut Vm, name: &str) -> PyResult<()> {
    if let Some(stream) = sys_attr(vm, name).and_then(|s| s.downcast::<PyStream>()) {
        stream.flush(vm)?;
    }
    Ok(())
}

/// Flush the standard streams (at exit): `sys.stdout` and `sys.stderr`
/// through their `flush` methods, then the original streams' buffers, then
/// every file still open (whose errors, as in CPython's finalizers, do not
/// count). Every stream is attempted; the first error is returned.
pub fn flush_std_streams(vm: &mut Vm) -> PyResult<()> {
    let mut first_error = None;
    for name in ["stdout", "stderr"] {
        if let Some(stream) = sys_attr(vm, name) {
            if vm.is_none(stream) {
                continue;
            }
            let result = match stream.downcast::<PyStream>() {
                Some(native) => native.flush(vm),
                None => call::call_method(vm, stream, "flush", &[]).map(|_| ()),
            };
            if let Err(err) = result {
                first_error.get_or_insert(err);
            }
        }
    }
    for name in ["__stdout__", "__stderr__"] {
        if let Err(err) = flush_native(vm, name) {
            first_error.get_or_insert(err);
        }
    }
    flush_open_files(vm);
    match first_error {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// Write out every open file's pending bytes, ignoring errors (as
/// CPython's finalizers do). At exit, and before `open()` opens another
/// file: in CPython a file object dropped unclosed (`open(p, 'w').write(s)`)
/// is flushed at once by reference counting, so a later `open(p)` sees
/// its data; this gives the same result without finalizers.
pub(crate) fn flush_open_files(vm: &mut Vm) {
    for file in vm.io.open_files.iter().filter(|file| !file.closed.get()) {
        let _ = file.flush();
    }
}

/// Create a stream class from its spec, in module `_io`.
fn make_stream_type(vm: &mut Vm, spec: &'static TypeSpec) -> Gc<PyType> {
    let type_type = vm.types.type_;
    let ty = vm.alloc(PyType::empty(PyStream::LAYOUT), type_type);
    Vm::make_immortal(ty.value());
    // Immortal is not traced: the class's dict lives through the root.
    vm.extra_roots.push(ty.value());
    let object = vm.types.object;
    init_builtin_type(vm, ty, spec, Some(object));
    let module = vm.intern("_io");
    dict_set_str(vm, ty.dict(), "__module__", module);
    ty.invalidate_version();
    ty
}

/// Create the stream classes and `sys.stdin`, `sys.stdout`, `sys.stderr`.
pub fn create_std_streams(vm: &mut Vm) -> PyResult<[Value; 3]> {
    let text = make_stream_type(vm, &SPEC);
    let buffered_reader = make_stream_type(vm, &crate::bufferedio::READER_SPEC);
    let buffered_writer = make_stream_type(vm, &crate::bufferedio::WRITER_SPEC);
    let buffered_random = make_stream_type(vm, &crate::bufferedio::RANDOM_SPEC);

    // io.UnsupportedOperation(OSError, ValueError).
    let type_type = vm.types.type_;
    let name = vm.new_str("UnsupportedOperation");
    let bases =
        crate::types::tuple::new_tuple(vm, &[vm.exceptions.os_error.value(), vm.exceptions.value_error.value()]);
    let namespace = crate::types::dict::PyDict::new(vm);
    let io_name = vm.intern("io");
    dict_set_str(vm, namespace, "__module__", io_name);
    let unsupported = call::call(vm, type_type.value(), &[name, bases, namespace.value()])?;
    // Kept in the text class's dict, which keeps it alive.
    dict_set_str(vm, text.dict(), "_UnsupportedOperation", unsupported);
    text.invalidate_version();
    let unsupported = unsupported.downcast::<PyType>().expect("type() makes a type");
    vm.extra_roots.push(unsupported.value());
    vm.io.types = Some(StreamTypes { text, buffered_reader, buffered_writer, buffered_random, unsupported });

    let mut streams = [Value::NULL; 3];
    for (fd, name, errors) in
        [(0, "<stdin>", "surrogateescape"), (1, "<stdout>", "surrogateescape"), (2, "<stderr>", "backslashreplace")]
    {
        // SAFETY: `isatty` only inspects the descriptor.
        let tty = unsafe { libc::isatty(fd) } == 1;
        let name = vm.intern(name);
        let options = StreamOptions {
            fd,
            closefd: false,
            name,
            mode: if fd == 0 { "r" } else { "w" }.to_string(),
            binary: false,
            readable: fd == 0,
            writable: fd != 0,
            line_buffering: fd == 1 && tty,
            write_through: fd == 2,
            codec: Codec::Utf8,
            encoding: "utf-8".to_string(),
            errors: errors.to_string(),
            // CPython's standard streams translate nothing on POSIX.
            newline: Newline::Lf,
        };
        streams[fd as usize] = vm.alloc(PyStream::new(options), text).value();
    }
    Ok(streams)
}

// ---- Python-visible surface ------------------------------------------------------------------

static SPEC: TypeSpec = TypeSpec {
    name: "TextIOWrapper",
    base: None,
    layout: PyStream::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("write", textio_write),
        MethodDef::method("writelines", textio_writelines),
        MethodDef::method("flush", textio_flush),
        MethodDef::method("readline", textio_readline),
        MethodDef::method("read", textio_read),
        MethodDef::method("readlines", stream_readlines),
        MethodDef::method("__iter__", stream_iter),
        MethodDef::method("__next__", textio_next),
        MethodDef::method("seek", textio_seek),
        MethodDef::method("tell", textio_tell),
        MethodDef::method("truncate", stream_truncate),
        MethodDef::method("fileno", stream_fileno),
        MethodDef::method("isatty", stream_isatty),
        MethodDef::method("readable", stream_readable),
        MethodDef::method("writable", stream_writable),
        MethodDef::method("seekable", stream_seekable),
        MethodDef::method("close", stream_close),
        MethodDef::method("__enter__", stream_enter),
        MethodDef::method("__exit__", stream_close),
        MethodDef::method("__repr__", textio_repr),
    ],
    getsets: &[
        GetSetDef::readonly("encoding", |vm, s| {
            let encoding = as_text(vm, s)?.encoding.to_string();
            Ok(vm.new_str(&encoding))
        }),
        GetSetDef::readonly("errors", |vm, s| {
            let errors = as_text(vm, s)?.errors.to_string();
            Ok(vm.new_str(&errors))
        }),
        GetSetDef::readonly("name", |vm, s| Ok(as_stream(vm, s)?.name)),
        GetSetDef::readonly("mode", stream_mode),
        GetSetDef::readonly("closed", stream_closed),
        GetSetDef::readonly("line_buffering", |vm, s| {
            let line_buffering = as_text(vm, s)?.line_buffering;
            Ok(vm.bool_value(line_buffering))
        }),
        GetSetDef::readonly("write_through", |vm, s| {
            let write_through = as_text(vm, s)?.write_through;
            Ok(vm.bool_value(write_through))
        }),
        GetSetDef::readonly("newlines", |vm, _| Ok(vm.none())),
    ],
    doc: "Character and line based layer over a BufferedIOBase object, buffer.",
};

/// Any stream, for the methods text and binary streams share.
pub(crate) fn as_stream(vm: &mut Vm, v: Value) -> PyResult<Gc<PyStream>> {
    match v.downcast::<PyStream>() {
        Some(stream) => Ok(stream),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a '_io.TextIOWrapper' object but received a '{name}'")))
        }
    }
}

fn as_text(vm: &mut Vm, v: Value) -> PyResult<Gc<PyStream>> {
    match v.downcast::<PyStream>() {
        Some(stream) if !stream.binary => Ok(stream),
        _ => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a '_io.TextIOWrapper' object but received a '{name}'")))
        }
    }
}

fn this(vm: &mut Vm, args: &Args<'_>) -> PyResult<Gc<PyStream>> {
    as_text(vm, args.this())
}

/// An optional size argument: None or negative means "no limit".
pub(crate) fn size_limit(vm: &mut Vm, size: Option<&Value>) -> PyResult<Option<usize>> {
    match size {
        Some(&size) if !vm.is_none(size) => {
            let n = number::to_index_isize(vm, size)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        _ => Ok(None),
    }
}

fn check_readable(vm: &mut Vm, stream: Gc<PyStream>) -> PyResult<()> {
    stream.check_open(vm)?;
    if !stream.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn textio_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let [text] = args.skip_self().exact::<1>(vm, "write")?;
    let Some(text) = text.downcast::<PyStr>() else {
        let name = vm.type_name(text);
        return Err(vm.type_error(format!("write() argument must be str, not {name}")));
    };
    stream.write_text(vm, text.as_str())?;
    Ok(vm.new_int(text.char_len() as i64))
}

/// `writelines(lines)`: write each item; no newlines are added.
fn textio_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let [lines] = args.skip_self().exact::<1>(vm, "writelines")?;
    stream.check_open(vm)?;
    let iterator = crate::protocol::iter::iter(vm, lines)?;
    while let Some(line) = crate::protocol::iter::next(vm, iterator)? {
        let Some(text) = line.downcast::<PyStr>() else {
            let name = vm.type_name(line);
            return Err(vm.type_error(format!("write() argument must be str, not {name}")));
        };
        stream.write_text(vm, text.as_str())?;
    }
    Ok(vm.none())
}

fn textio_flush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    stream.check_open(vm)?;
    stream.flush(vm)?;
    Ok(vm.none())
}

fn textio_readline(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let positional = args.skip_self().positional_range(vm, "readline", 0, 1)?;
    let limit = size_limit(vm, positional.first())?;
    check_readable(vm, stream)?;
    let line = stream.read_line_bytes(vm, limit)?;
    stream.decode(vm, line)
}

fn textio_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let positional = args.skip_self().positional_range(vm, "read", 0, 1)?;
    let limit = size_limit(vm, positional.first())?;
    check_readable(vm, stream)?;
    let data = stream.read_bytes(vm, limit)?;
    stream.decode(vm, data)
}

/// `readlines(hint=-1)`, for text and binary streams: lines until end of
/// file, or until they total at least `hint` characters (bytes).
pub(crate) fn stream_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    let positional = args.skip_self().positional_range(vm, "readlines", 0, 1)?;
    let hint = size_limit(vm, positional.first())?.filter(|&h| h > 0);
    stream.check_open(vm)?;
    if !stream.readable {
        return Err(unsupported(vm, if stream.binary { "read" } else { "not readable" }));
    }
    let lines = crate::rooted::RootedVec::new(vm);
    let mut total = 0;
    loop {
        let line = stream.read_line_bytes(vm, None)?;
        if line.is_empty() {
            break;
        }
        let line = if stream.binary { new_bytes_vec(vm, line) } else { stream.decode(vm, line)? };
        total += crate::protocol::sequence::len(vm, line)?;
        lines.push(vm, line);
        if hint.is_some_and(|hint| total >= hint) {
            break;
        }
    }
    Ok(lines.list().value())
}

pub(crate) fn stream_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    stream.check_open(vm)?;
    Ok(args.this())
}

pub(crate) fn stream_enter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    stream.check_open(vm)?;
    Ok(args.this())
}

fn textio_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    check_readable(vm, stream)?;
    let line = stream.read_line_bytes(vm, None)?;
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    stream.decode(vm, line)
}

/// `seek(cookie, whence=0)`: text streams move only to positions `tell`
/// gave, or to the start or the end.
fn textio_seek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let positional = args.skip_self().positional_range(vm, "seek", 1, 2)?;
    let offset = number::to_i64(vm, positional[0])?;
    let whence = match positional.get(1) {
        Some(&w) => number::to_i64(vm, w)?,
        None => 0,
    };
    stream.check_open(vm)?;
    match whence {
        0 if offset < 0 => return Err(vm.value_error(format!("negative seek position {offset}"))),
        1 if offset != 0 => return Err(unsupported(vm, "can't do nonzero cur-relative seeks")),
        2 if offset != 0 => return Err(unsupported(vm, "can't do nonzero end-relative seeks")),
        0..=2 => {}
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    if !stream.seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let pos = stream.seek(vm, offset, whence as i32)?;
    Ok(vm.new_int(pos))
}

fn textio_tell(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    stream.check_open(vm)?;
    if !stream.seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let pos = stream.tell(vm)?;
    Ok(vm.new_int(pos))
}

/// `truncate(size=None)`, for text and binary streams.
pub(crate) fn stream_truncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    let positional = args.skip_self().positional_range(vm, "truncate", 0, 1)?;
    let size = match positional.first() {
        Some(&size) if !vm.is_none(size) => Some(number::to_i64(vm, size)?),
        _ => None,
    };
    stream.check_open_message(
        vm,
        if stream.binary { "truncate of closed file" } else { "I/O operation on closed file." },
    )?;
    if !stream.writable {
        return Err(unsupported(vm, if stream.binary { "truncate" } else { "not writable" }));
    }
    if size.is_some_and(|size| size < 0) {
        return Err(os_error_from_errno(vm, libc::EINVAL, Value::NULL));
    }
    let size = stream.truncate(vm, size)?;
    Ok(vm.new_int(size))
}

pub(crate) fn stream_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    stream.check_open_message(vm, "I/O operation on closed file")?;
    Ok(Value::from_small(stream.fd() as i64))
}

pub(crate) fn stream_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    stream.check_open_message(vm, "I/O operation on closed file")?;
    // SAFETY: `isatty` only inspects the descriptor.
    let tty = unsafe { libc::isatty(stream.fd()) } == 1;
    Ok(vm.bool_value(tty))
}

/// `readable()`: a stream that cannot read says so even when closed (in
/// CPython only the raw file, reached when the buffer can read, checks).
pub(crate) fn stream_readable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    if stream.readable {
        stream.check_open_message(vm, "I/O operation on closed file")?;
    }
    Ok(vm.bool_value(stream.readable))
}

/// `writable()`, checked like `readable()`.
pub(crate) fn stream_writable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    if stream.writable {
        stream.check_open_message(vm, "I/O operation on closed file")?;
    }
    Ok(vm.bool_value(stream.writable))
}

pub(crate) fn stream_seekable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    stream.check_open_message(vm, "I/O operation on closed file")?;
    Ok(vm.bool_value(stream.seekable))
}

/// `close()` (also `__exit__`): flush and close; closing twice is allowed.
/// The standard streams keep their descriptor, so the interpreter can
/// still report errors.
pub(crate) fn stream_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = as_stream(vm, args.this())?;
    stream.close(vm)?;
    Ok(vm.none())
}

pub(crate) fn stream_mode(vm: &mut Vm, s: Value) -> PyResult {
    let mode = as_stream(vm, s)?.mode.to_string();
    Ok(vm.new_str(&mode))
}

pub(crate) fn stream_closed(vm: &mut Vm, s: Value) -> PyResult {
    let closed = as_stream(vm, s)?.closed();
    Ok(vm.bool_value(closed))
}

fn textio_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let name = object::repr(vm, stream.name)?;
    let text =
        format!("<_io.TextIOWrapper name={} mode='{}' encoding='{}'>", name.as_str(), stream.mode, stream.encoding);
    Ok(vm.new_str(&text))
}
