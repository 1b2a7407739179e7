//! The binary file classes `open()` returns for `'b'` modes:
//! `_io.BufferedReader` (`'rb'`), `_io.BufferedWriter` (`'wb'`, `'ab'`,
//! `'xb'`) and `_io.BufferedRandom` (any mode with `'+'`).
//!
//! They are the same Rust payload as the text streams (`stdio::PyStream`,
//! with `binary` set) and share one method table; what a stream may do
//! comes from its mode, not its class. Error messages follow CPython's
//! `Modules/_io/bufferedio.c`, which words closed-file errors per method
//! ("read of closed file", "seek of closed file") and raises
//! `UnsupportedOperation` named after the method ("read", "write") on a
//! stream that cannot do it.

use crate::error::PyResult;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, PyPayload};
use crate::protocol::{number, object};
use crate::stdio::{
    as_stream, os_error_from_errno, size_limit, stream_close, stream_closed, stream_enter, stream_fileno,
    stream_isatty, stream_iter, stream_mode, stream_readable, stream_readlines, stream_seekable, stream_truncate,
    stream_writable, unsupported, PyStream,
};
use crate::types::bytes::{buffer_arg, new_bytes_vec};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

static METHODS: &[MethodDef] = &[
    MethodDef::method("read", buffered_read),
    MethodDef::method("read1", buffered_read),
    MethodDef::method("readline", buffered_readline),
    MethodDef::method("readlines", stream_readlines),
    MethodDef::method("write", buffered_write),
    MethodDef::method("writelines", buffered_writelines),
    MethodDef::method("flush", buffered_flush),
    MethodDef::method("__iter__", stream_iter),
    MethodDef::method("__next__", buffered_next),
    MethodDef::method("seek", buffered_seek),
    MethodDef::method("tell", buffered_tell),
    MethodDef::method("truncate", stream_truncate),
    MethodDef::method("fileno", stream_fileno),
    MethodDef::method("isatty", stream_isatty),
    MethodDef::method("readable", stream_readable),
    MethodDef::method("writable", stream_writable),
    MethodDef::method("seekable", stream_seekable),
    MethodDef::method("close", stream_close),
    MethodDef::method("__enter__", stream_enter),
    MethodDef::method("__exit__", stream_close),
    MethodDef::method("__repr__", buffered_repr),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("name", |vm, s| Ok(as_stream(vm, s)?.name())),
    GetSetDef::readonly("mode", stream_mode),
    GetSetDef::readonly("closed", stream_closed),
];

pub static READER_SPEC: TypeSpec = TypeSpec {
    name: "BufferedReader",
    base: None,
    layout: PyStream::LAYOUT,
    layout_with_attrs: None,
    methods: METHODS,
    getsets: GETSETS,
    doc: "Create a new buffered reader using the given readable raw IO object.",
};

pub static WRITER_SPEC: TypeSpec = TypeSpec {
    name: "BufferedWriter",
    base: None,
    layout: PyStream::LAYOUT,
    layout_with_attrs: None,
    methods: METHODS,
    getsets: GETSETS,
    doc: "A buffer for a writeable sequential RawIO object.",
};

pub static RANDOM_SPEC: TypeSpec = TypeSpec {
    name: "BufferedRandom",
    base: None,
    layout: PyStream::LAYOUT,
    layout_with_attrs: None,
    methods: METHODS,
    getsets: GETSETS,
    doc: "A buffered interface to random access streams.",
};

fn this(vm: &mut Vm, args: &Args<'_>) -> PyResult<Gc<PyStream>> {
    match args.this().downcast::<PyStream>() {
        Some(stream) if stream.binary => Ok(stream),
        _ => {
            let name = vm.type_name(args.this());
            Err(vm.type_error(format!("descriptor requires a '_io.BufferedReader' object but received a '{name}'")))
        }
    }
}

/// The checks before reading: the stream can read, and is open.
fn check_read(vm: &mut Vm, stream: Gc<PyStream>, method: &str) -> PyResult<()> {
    if !stream.is_readable() {
        return Err(unsupported(vm, "read"));
    }
    stream.check_open_message(vm, &format!("{method} of closed file"))
}

/// `read(size=-1)`: up to `size` bytes, all of them to end of file by default.
fn buffered_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let positional = args.skip_self().positional_range(vm, "read", 0, 1)?;
    let limit = size_limit(vm, positional.first())?;
    check_read(vm, stream, "read")?;
    let data = stream.read_bytes(vm, limit)?;
    Ok(new_bytes_vec(vm, data))
}

/// `readline(size=-1)`: bytes up to and including `b'\n'`.
fn buffered_readline(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let positional = args.skip_self().positional_range(vm, "readline", 0, 1)?;
    let limit = size_limit(vm, positional.first())?;
    check_read(vm, stream, "readline")?;
    let line = stream.read_line_bytes(vm, limit)?;
    Ok(new_bytes_vec(vm, line))
}

fn buffered_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    check_read(vm, stream, "readline")?;
    let line = stream.read_line_bytes(vm, None)?;
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(new_bytes_vec(vm, line))
}

/// The checks before writing: the stream can write, and is open.
fn check_write(vm: &mut Vm, stream: Gc<PyStream>) -> PyResult<()> {
    if !stream.is_writable() {
        return Err(unsupported(vm, "write"));
    }
    stream.check_open_message(vm, "write to closed file")
}

/// `write(b)`: buffer a bytes-like object; returns its length.
fn buffered_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let [data] = args.skip_self().exact::<1>(vm, "write")?;
    check_write(vm, stream)?;
    let data = buffer_arg(vm, data)?;
    stream.write_bytes(vm, &data, false)?;
    Ok(vm.new_int(data.len() as i64))
}

fn buffered_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let [lines] = args.skip_self().exact::<1>(vm, "writelines")?;
    stream.check_open(vm)?;
    let iterator = crate::protocol::iter::iter(vm, lines)?;
    while let Some(line) = crate::protocol::iter::next(vm, iterator)? {
        check_write(vm, stream)?;
        let data = buffer_arg(vm, line)?;
        stream.write_bytes(vm, &data, false)?;
    }
    Ok(vm.none())
}

fn buffered_flush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    stream.check_open_message(vm, "flush of closed file")?;
    stream.flush(vm)?;
    Ok(vm.none())
}

/// `seek(offset, whence=0)`: any byte offset the operating system accepts.
fn buffered_seek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let positional = args.skip_self().positional_range(vm, "seek", 1, 2)?;
    let offset = number::to_i64(vm, positional[0])?;
    let whence = match positional.get(1) {
        Some(&w) => number::to_i64(vm, w)?,
        None => 0,
    };
    if !(0..=4).contains(&whence) {
        return Err(vm.value_error(format!("whence value {whence} unsupported")));
    }
    stream.check_open_message(vm, "seek of closed file")?;
    if !stream.is_seekable() {
        return Err(unsupported(vm, "seek"));
    }
    let pos = stream.seek(vm, offset, whence as i32)?;
    Ok(vm.new_int(pos))
}

fn buffered_tell(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    stream.check_open_message(vm, "I/O operation on closed file")?;
    if !stream.is_seekable() {
        return Err(os_error_from_errno(vm, libc::ESPIPE, Value::NULL));
    }
    let pos = stream.tell(vm)?;
    Ok(vm.new_int(pos))
}

fn buffered_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let stream = this(vm, &args)?;
    let class = vm.class_of(args.this());
    let name = object::repr(vm, stream.name())?;
    let text = format!("<_io.{} name={}>", class.name(), name.as_str());
    Ok(vm.new_str(&text))
}
