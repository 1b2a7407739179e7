//! The standard streams: `sys.stdin`, `sys.stdout`, `sys.stderr`, objects of
//! a builtin `_io.TextIOWrapper` type over file descriptors 0, 1 and 2.
//!
//! This is the slice of CPython's `io` stack (`FileIO` under
//! `BufferedWriter` under `TextIOWrapper`) that the standard streams need,
//! in one object: UTF-8 text over a raw descriptor.
//!
//! Buffering follows CPython: stdout is line-buffered when it is a
//! terminal and block-buffered otherwise; stderr is written through (each
//! `write` reaches the descriptor), and before anything is written to
//! stderr, stdout's buffer is flushed so that the two interleave as the
//! program wrote them. The binary must call `flush_std_streams` at exit;
//! nothing flushes on drop.
//!
//! Reading decodes UTF-8 line by line from a byte buffer filled with
//! `read(2)`; `readline`, `read`, `readlines` and iteration share it.

use std::cell::{Cell, RefCell};

use crate::error::{PyErr, PyResult};
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::protocol::{call, number};
use crate::types::module::PyModule;
use crate::types::str::PyStr;
use crate::types::typeobject::{dict_set_str, init_builtin_type, PyType};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// Bytes buffered for a block-buffered stream before it is flushed.
const BLOCK_SIZE: usize = 8192;

/// A text stream over a file descriptor.
#[repr(C)]
pub struct PyTextIO {
    header: ObjHeader,
    fd: i32,
    name: &'static str,
    readable: bool,
    /// Flush after each write containing a newline (a terminal stdout).
    line_buffering: bool,
    /// Flush after every write (stderr).
    write_through: bool,
    errors: &'static str,
    closed: Cell<bool>,
    /// Encoded text not yet written.
    pending: RefCell<Vec<u8>>,
    /// Bytes read but not yet returned, from `read_pos` on.
    input: RefCell<Vec<u8>>,
    read_pos: Cell<usize>,
    at_eof: Cell<bool>,
}

impl_payload!(PyTextIO, TextIO);

impl PyTextIO {
    pub(crate) fn trace_fields(&self, _tracer: &mut Tracer) {}

    fn new(fd: i32, name: &'static str, readable: bool, errors: &'static str) -> PyTextIO {
        // SAFETY: `isatty` only inspects the descriptor.
        let tty = unsafe { libc::isatty(fd) } == 1;
        PyTextIO {
            header: ObjHeader::new(PyTextIO::LAYOUT, Value::NULL),
            fd,
            name,
            readable,
            line_buffering: !readable && fd == 1 && tty,
            write_through: fd == 2,
            errors,
            closed: Cell::new(false),
            pending: RefCell::new(Vec::new()),
            input: RefCell::new(Vec::new()),
            read_pos: Cell::new(0),
            at_eof: Cell::new(false),
        }
    }

    fn check_open(&self, vm: &mut Vm) -> PyResult<()> {
        if self.closed.get() {
            return Err(vm.value_error("I/O operation on closed file."));
        }
        Ok(())
    }

    /// Write text, honouring the stream's buffering.
    pub fn write_text(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        self.check_open(vm)?;
        if self.readable {
            return Err(unsupported(vm, "not writable"));
        }
        if self.write_through {
            // Keep stdout's earlier output ahead of this.
            flush_native(vm, "__stdout__")?;
        }
        let flush_now = {
            let mut pending = self.pending.borrow_mut();
            pending.extend_from_slice(text.as_bytes());
            self.write_through || pending.len() >= BLOCK_SIZE || (self.line_buffering && text.contains(['\n', '\r']))
        };
        if flush_now {
            self.flush(vm)?;
        }
        Ok(())
    }

    /// Write out the buffered text.
    pub fn flush(&self, vm: &mut Vm) -> PyResult<()> {
        let data = std::mem::take(&mut *self.pending.borrow_mut());
        if data.is_empty() {
            return Ok(());
        }
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
                return Err(os_error(vm, error));
            }
            written += n as usize;
        }
        Ok(())
    }

    /// Read more bytes into the input buffer; false at end of file.
    fn fill(&self, vm: &mut Vm) -> PyResult<bool> {
        if self.at_eof.get() {
            return Ok(false);
        }
        let mut chunk = [0u8; BLOCK_SIZE];
        loop {
            // SAFETY: `chunk` is a valid writable buffer of its length.
            let n = unsafe { libc::read(self.fd, chunk.as_mut_ptr().cast(), chunk.len()) };
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

    fn check_readable(&self, vm: &mut Vm) -> PyResult<()> {
        self.check_open(vm)?;
        if !self.readable {
            return Err(unsupported(vm, "not readable"));
        }
        Ok(())
    }

    /// Take `len` buffered bytes and decode them.
    fn take(&self, vm: &mut Vm, len: usize) -> PyResult<String> {
        let bytes = {
            let input = self.input.borrow();
            let pos = self.read_pos.get();
            input[pos..pos + len].to_vec()
        };
        self.read_pos.set(self.read_pos.get() + len);
        String::from_utf8(bytes).map_err(|e| {
            let message = format!(
                "'utf-8' codec can't decode byte {:#04x} in position {}: invalid start byte",
                e.as_bytes()[e.utf8_error().valid_up_to()],
                e.utf8_error().valid_up_to()
            );
            vm.new_error(vm.exceptions.unicode_decode_error, message)
        })
    }

    fn buffered(&self) -> usize {
        self.input.borrow().len() - self.read_pos.get()
    }

    /// One line, with its newline; at most `limit` characters if given.
    pub fn read_line(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<String> {
        self.check_readable(vm)?;
        loop {
            let newline = {
                let input = self.input.borrow();
                input[self.read_pos.get()..].iter().position(|&b| b == b'\n')
            };
            let enough = limit.is_some_and(|limit| self.buffered() >= limit * 4);
            if let Some(index) = newline {
                return self.take_limited(vm, index + 1, limit);
            }
            if enough || !self.fill(vm)? {
                let len = self.buffered();
                return self.take_limited(vm, len, limit);
            }
        }
    }

    /// Take up to `len` bytes, cut at `limit` characters (the rest stays).
    fn take_limited(&self, vm: &mut Vm, len: usize, limit: Option<usize>) -> PyResult<String> {
        let len = match limit {
            Some(limit) => {
                let input = self.input.borrow();
                let pos = self.read_pos.get();
                let bytes = &input[pos..pos + len];
                let mut chars = 0;
                let mut cut = bytes.len();
                for (i, &b) in bytes.iter().enumerate() {
                    // Count the starts of UTF-8 sequences.
                    if b & 0xC0 != 0x80 {
                        if chars == limit {
                            cut = i;
                            break;
                        }
                        chars += 1;
                    }
                }
                cut
            }
            None => len,
        };
        self.take(vm, len)
    }

    /// Everything up to end of file, or `limit` characters.
    pub fn read_all(&self, vm: &mut Vm, limit: Option<usize>) -> PyResult<String> {
        self.check_readable(vm)?;
        loop {
            if limit.is_some_and(|limit| self.buffered() >= limit * 4) {
                break;
            }
            if !self.fill(vm)? {
                break;
            }
        }
        let len = self.buffered();
        self.take_limited(vm, len, limit)
    }
}

fn os_error(vm: &mut Vm, error: std::io::Error) -> PyErr {
    let errno = error.raw_os_error().unwrap_or(0);
    let text = error.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let ty = if errno == libc::EPIPE { vm.exceptions.broken_pipe_error } else { vm.exceptions.os_error };
    vm.new_error(ty, format!("[Errno {errno}] {text}"))
}

/// `io.UnsupportedOperation(message)` (kept in the stream type's dict).
fn unsupported(vm: &mut Vm, message: &str) -> PyErr {
    let ty = match unsupported_operation_type(vm) {
        Some(ty) => ty,
        None => vm.exceptions.os_error,
    };
    vm.new_error(ty, message)
}

/// The `io.UnsupportedOperation` class created with the standard streams.
pub fn unsupported_operation_type(vm: &mut Vm) -> Option<Gc<PyType>> {
    let stream = sys_attr(vm, "__stdout__")?;
    let class = vm.class_of(stream);
    class.lookup_str(vm, "_UnsupportedOperation").and_then(|v| v.downcast::<PyType>())
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
    if let Some(stream) = sys_attr(vm, name).and_then(|s| s.downcast::<PyTextIO>()) {
        stream.flush(vm)?;
    }
    Ok(())
}

/// Flush the standard streams (at exit): `sys.stdout` and `sys.stderr`
/// through their `flush` methods, then the original streams' buffers.
/// Every stream is attempted; the first error is returned.
pub fn flush_std_streams(vm: &mut Vm) -> PyResult<()> {
    let mut first_error = None;
    for name in ["stdout", "stderr"] {
        if let Some(stream) = sys_attr(vm, name) {
            if vm.is_none(stream) {
                continue;
            }
            let result = match stream.downcast::<PyTextIO>() {
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
    match first_error {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// Create `sys.stdin`, `sys.stdout`, `sys.stderr` and their type.
pub fn create_std_streams(vm: &mut Vm) -> PyResult<[Value; 3]> {
    let type_type = vm.types.type_;
    let ty = vm.alloc(PyType::empty(PyTextIO::LAYOUT), type_type);
    Vm::make_immortal(ty.value());
    let object = vm.types.object;
    init_builtin_type(vm, ty, &SPEC, Some(object));
    let dict = ty.dict();
    let module = vm.intern("_io");
    dict_set_str(vm, dict, "__module__", module);

    // io.UnsupportedOperation(OSError, ValueError).
    let name = vm.new_str("UnsupportedOperation");
    let bases =
        crate::types::tuple::new_tuple(vm, &[vm.exceptions.os_error.value(), vm.exceptions.value_error.value()]);
    let namespace = crate::types::dict::PyDict::new(vm);
    let io_name = vm.intern("io");
    dict_set_str(vm, namespace, "__module__", io_name);
    let unsupported = call::call(vm, type_type.value(), &[name, bases, namespace.value()])?;
    dict_set_str(vm, dict, "_UnsupportedOperation", unsupported);
    ty.invalidate_version();

    let stdin = vm.alloc(PyTextIO::new(0, "<stdin>", true, "surrogateescape"), ty).value();
    let stdout = vm.alloc(PyTextIO::new(1, "<stdout>", false, "surrogateescape"), ty).value();
    let stderr = vm.alloc(PyTextIO::new(2, "<stderr>", false, "backslashreplace"), ty).value();
    Ok([stdin, stdout, stderr])
}

// ---- Python-visible surface ------------------------------------------------------------------

static SPEC: TypeSpec = TypeSpec {
    name: "TextIOWrapper",
    base: None,
    layout: PyTextIO::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("write", textio_write),
        MethodDef::method("flush", textio_flush),
        MethodDef::method("readline", textio_readline),
        MethodDef::method("read", textio_read),
        MethodDef::method("readlines", textio_readlines),
        MethodDef::method("__iter__", textio_iter),
        MethodDef::method("__next__", textio_next),
        MethodDef::method("fileno", textio_fileno),
        MethodDef::method("isatty", textio_isatty),
        MethodDef::method("readable", |vm, args| {
            let readable = this(vm, &args)?.readable;
            Ok(vm.bool_value(readable))
        }),
        MethodDef::method("writable", |vm, args| {
            let readable = this(vm, &args)?.readable;
            Ok(vm.bool_value(!readable))
        }),
        MethodDef::method("seekable", |vm, args| {
            this(vm, &args)?;
            Ok(vm.bool_value(false))
        }),
        MethodDef::method("close", textio_close),
        MethodDef::method("__enter__", |vm, args| {
            let stream = this(vm, &args)?;
            stream.check_open(vm)?;
            Ok(args.this())
        }),
        MethodDef::method("__exit__", textio_close),
        MethodDef::method("__repr__", textio_repr),
    ],
    getsets: &[
        GetSetDef::readonly("encoding", |vm, _| Ok(vm.intern("utf-8"))),
        GetSetDef::readonly("errors", |vm, s| {
            let errors = as_stream(vm, s)?.errors;
            Ok(vm.intern(errors))
        }),
        GetSetDef::readonly("name", |vm, s| {
            let name = as_stream(vm, s)?.name;
            Ok(vm.intern(name))
        }),
        GetSetDef::readonly("mode", |vm, s| {
            let mode = if as_stream(vm, s)?.readable { "r" } else { "w" };
            Ok(vm.intern(mode))
        }),
        GetSetDef::readonly("closed", |vm, s| {
            let closed = as_stream(vm, s)?.closed.get();
            Ok(vm.bool_value(closed))
        }),
        GetSetDef::readonly("line_buffering", |vm, s| {
            let line_buffering = as_stream(vm, s)?.line_buffering;
            Ok(vm.bool_value(line_buffering))
        }),
        GetSetDef::readonly("write_through", |vm, s| {
            let write_through = as_stream(vm, s)?.write_through;
            Ok(vm.bool_value(write_through))
        }),
        GetSetDef::readonly("newlines", |vm, _| Ok(vm.none())),
    ],
    doc: "Character and line based layer over a BufferedIOBase object, buffer.",
};

fn as_stream(vm: &mut Vm, v: Value) -> PyResult<Gc<PyTextIO>> {
    match v.downcast::<PyTextIO>() {
        Some(stream) => Ok(stream),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a '_io.TextIOWrapper' object but received a '{name}'")))
        }
    }
}

fn this(vm: &mut Vm, args: &Args<'_>) -> PyResult<Gc<PyTextIO>> {
    as_stream(vm, args.this())
}

/// An optional size argument: None or negative means "no limit".
fn size_limit(vm: &mut Vm, size: Option<&Value>) -> PyResult<Option<usize>> {
    match size {
        Some(&size) if !vm.is_none(size) => {
            let n = number::to_index_isize(vm, size)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        _ => Ok(None),
    }
}

fn textio_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let [text] = args.skip_self().exact::<1>(vm, "TextIOWrapper.write")?;
    let Some(text) = text.downcast::<PyStr>() else {
        let name = vm.type_name(text);
        return Err(vm.type_error(format!("write() argument must be str, not {name}")));
    };
    stream.write_text(vm, text.as_str())?;
    Ok(vm.new_int(text.char_len() as i64))
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
    let line = stream.read_line(vm, limit)?;
    Ok(vm.new_str(&line))
}

fn textio_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let positional = args.skip_self().positional_range(vm, "read", 0, 1)?;
    let limit = size_limit(vm, positional.first())?;
    let text = stream.read_all(vm, limit)?;
    Ok(vm.new_str(&text))
}

fn textio_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let positional = args.skip_self().positional_range(vm, "readlines", 0, 1)?;
    let hint = size_limit(vm, positional.first())?.filter(|&h| h > 0);
    let lines = crate::rooted::RootedVec::new(vm);
    let mut total = 0;
    loop {
        let line = stream.read_line(vm, None)?;
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        let line = vm.new_str(&line);
        lines.push(vm, line);
        if hint.is_some_and(|hint| total >= hint) {
            break;
        }
    }
    Ok(lines.list().value())
}

fn textio_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    stream.check_open(vm)?;
    Ok(args.this())
}

fn textio_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let line = stream.read_line(vm, None)?;
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(vm.new_str(&line))
}

fn textio_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    stream.check_open(vm)?;
    Ok(Value::from_small(stream.fd as i64))
}

fn textio_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    stream.check_open(vm)?;
    // SAFETY: `isatty` only inspects the descriptor.
    let tty = unsafe { libc::isatty(stream.fd) } == 1;
    Ok(vm.bool_value(tty))
}

/// `close()` (also `__exit__`): flush and mark closed. The descriptor
/// itself stays open, so the interpreter can still report errors.
fn textio_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    if !stream.closed.get() {
        let result = stream.flush(vm);
        stream.closed.set(true);
        result?;
    }
    Ok(vm.none())
}

fn textio_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let mode = if stream.readable { "r" } else { "w" };
    let text = format!("<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>", stream.name);
    Ok(vm.new_str(&text))
}
