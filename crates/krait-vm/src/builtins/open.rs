//! `open()` (CPython: `_io_open_impl` in `Modules/_io/_iomodule.c`, with
//! `FileIO.__init__` and `TextIOWrapper.__init__`'s checks): parse the
//! mode, open the descriptor, and wrap it in a stream (`stdio::PyStream`)
//! of the class CPython would return.
//!
//! The checks run in CPython's order, which is observable: the mode and
//! the binary-mode arguments are checked before the file is touched, the
//! text layer's arguments (encoding, newline, buffering) after it is
//! opened, so `open('f', 'w', encoding='bogus')` truncates `f` and then
//! raises `LookupError`, as in CPython.

use std::ffi::CString;

use crate::error::{PyErr, PyResult};
use crate::native::{Args, Signature};
use crate::protocol::{call, number, object};
use crate::stdio::{os_error_from_errno, Newline, PyStream, StreamOptions};
use crate::types::bytes::PyBytes;
use crate::types::str::PyStr;
use crate::types::str_methods::Codec;
use crate::value::Value;
use crate::vm::Vm;

static OPEN_SIG: Signature = Signature {
    name: "open",
    params: &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
    positional_only: 0,
    keyword_only: 8,
    required: 1,
};

/// The mode string, decoded.
#[derive(Default)]
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

impl Mode {
    fn parse(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
        let mut parsed = Mode::default();
        for (i, c) in mode.char_indices() {
            let flag = match c {
                'x' => &mut parsed.creating,
                'r' => &mut parsed.reading,
                'w' => &mut parsed.writing,
                'a' => &mut parsed.appending,
                '+' => &mut parsed.updating,
                't' => &mut parsed.text,
                'b' => &mut parsed.binary,
                _ => return Err(vm.value_error(format!("invalid mode: '{mode}'"))),
            };
            *flag = true;
            if mode[i + 1..].contains(c) {
                return Err(vm.value_error(format!("invalid mode: '{mode}'")));
            }
        }
        if parsed.text && parsed.binary {
            return Err(vm.value_error("can't have text and binary mode at once"));
        }
        let kinds = [parsed.creating, parsed.reading, parsed.writing, parsed.appending];
        if kinds.iter().filter(|&&k| k).count() > 1 {
            return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
        }
        Ok(parsed)
    }

    /// `FileIO.mode`, which binary streams report.
    fn raw_mode(&self) -> &'static str {
        match (self.creating, self.appending, self.reading || self.updating, self.writing || self.updating) {
            (true, _, readable, _) => {
                if readable {
                    "xb+"
                } else {
                    "xb"
                }
            }
            (_, true, readable, _) => {
                if readable {
                    "ab+"
                } else {
                    "ab"
                }
            }
            (_, _, true, writable) => {
                if writable {
                    "rb+"
                } else {
                    "rb"
                }
            }
            _ => "wb",
        }
    }

    /// The `open(2)` flags.
    fn flags(&self) -> libc::c_int {
        let mut flags = if self.updating {
            libc::O_RDWR
        } else if self.reading {
            libc::O_RDONLY
        } else {
            libc::O_WRONLY
        };
        if self.creating {
            flags |= libc::O_EXCL | libc::O_CREAT;
        }
        if self.writing {
            flags |= libc::O_CREAT | libc::O_TRUNC;
        }
        if self.appending {
            flags |= libc::O_APPEND | libc::O_CREAT;
        }
        flags | libc::O_CLOEXEC
    }
}

/// An optional str argument (`encoding`, `errors`, `newline`).
fn optional_str(vm: &mut Vm, value: Value, what: &str) -> PyResult<Option<String>> {
    if value.is_null() || vm.is_none(value) {
        return Ok(None);
    }
    match value.downcast::<PyStr>() {
        Some(s) => Ok(Some(s.as_str().to_string())),
        None => {
            let name = vm.type_name(value);
            Err(vm.type_error(format!("open() argument '{what}' must be str or None, not {name}")))
        }
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub(super) fn builtin_open(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = args.bind::<8>(vm, &OPEN_SIG)?;
    let is_path = file.downcast::<PyStr>().is_some() || file.downcast::<PyBytes>().is_some();
    if !is_path && crate::types::int::to_i64(file).is_none() {
        let name = vm.type_name(file);
        return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {name}")));
    }
    let mode_text = if mode.is_null() {
        "r".to_string()
    } else {
        match mode.downcast::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => {
                let name = vm.type_name(mode);
                return Err(vm.type_error(format!("open() argument 'mode' must be str, not {name}")));
            }
        }
    };
    let buffering = if buffering.is_null() { -1 } else { number::to_i64(vm, buffering)? };
    let encoding = optional_str(vm, encoding, "encoding")?;
    let errors = optional_str(vm, errors, "errors")?;
    let newline = optional_str(vm, newline, "newline")?;
    let closefd = closefd.is_null() || object::truthy(vm, closefd)?;
    let opener = if opener.is_null() || vm.is_none(opener) { None } else { Some(opener) };

    let mode = Mode::parse(vm, &mode_text)?;
    if mode.binary {
        for (given, what) in [(&encoding, "an encoding"), (&errors, "an errors"), (&newline, "a newline")] {
            if given.is_some() {
                return Err(vm.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    if !(mode.creating || mode.reading || mode.writing || mode.appending) {
        return Err(vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }

    crate::stdio::flush_open_files(vm);
    let fd = open_descriptor(vm, file, is_path, &mode, closefd, opener)?;
    let close_on_error = |err: PyErr| -> PyErr {
        if closefd {
            // SAFETY: the descriptor was opened here and nothing else holds it.
            unsafe { libc::close(fd) };
        }
        err
    };

    let readable = mode.reading || mode.updating;
    let writable = mode.writing || mode.appending || mode.creating || mode.updating;
    let types = vm.io.types.expect("stream types exist once sys is initialised");
    let (class, options) = if mode.binary {
        let class = match (readable, writable) {
            (true, true) => types.buffered_random,
            (true, false) => types.buffered_reader,
            _ => types.buffered_writer,
        };
        let options = StreamOptions {
            fd,
            closefd,
            name: file,
            mode: mode.raw_mode().to_string(),
            binary: true,
            readable,
            writable,
            line_buffering: false,
            write_through: false,
            codec: Codec::Utf8,
            encoding: String::new(),
            errors: String::new(),
            newline: Newline::Lf,
        };
        (class, options)
    } else {
        if buffering == 0 {
            return Err(close_on_error(vm.value_error("can't have unbuffered text I/O")));
        }
        // `encoding="locale"` (PEP 597, what `io.text_encoding` gives for
        // None) is the locale's encoding, which Krait takes to be UTF-8.
        let encoding = encoding.filter(|name| name != "locale");
        let codec = match &encoding {
            None => Codec::Utf8,
            Some(name) => match Codec::lookup(name) {
                Some(codec) => codec,
                None => {
                    let err = vm.new_error(vm.exceptions.lookup_error, format!("unknown encoding: {name}"));
                    return Err(close_on_error(err));
                }
            },
        };
        let newline_mode = match newline.as_deref() {
            None => Newline::Translate,
            Some("") => Newline::Universal,
            Some("\n") => Newline::Lf,
            Some("\r") => Newline::Cr,
            Some("\r\n") => Newline::CrLf,
            Some(other) => {
                let err = vm.value_error(format!("illegal newline value: {other}"));
                return Err(close_on_error(err));
            }
        };
        // SAFETY: `isatty` only inspects the descriptor.
        let tty = unsafe { libc::isatty(fd) } == 1;
        let options = StreamOptions {
            fd,
            closefd,
            name: file,
            mode: mode_text,
            binary: false,
            readable,
            writable,
            line_buffering: buffering == 1 || (buffering < 0 && tty),
            write_through: false,
            codec,
            encoding: encoding.unwrap_or_else(|| "UTF-8".to_string()),
            errors: errors.unwrap_or_else(|| "strict".to_string()),
            newline: newline_mode,
        };
        (types.text, options)
    };
    let stream = vm.alloc(PyStream::new(options), class);
    stream.register(vm);
    Ok(stream.value())
}

/// Open (or take) the descriptor, as `FileIO.__init__`: a path is opened
/// with the mode's flags (or through `opener`), a directory is refused,
/// and an append stream starts at the end.
fn open_descriptor(
    vm: &mut Vm,
    file: Value,
    is_path: bool,
    mode: &Mode,
    closefd: bool,
    opener: Option<Value>,
) -> PyResult<i32> {
    let fd = if !is_path {
        let fd = crate::types::int::to_i64(file).unwrap_or(-1);
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        fd as i32
    } else {
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        let flags = mode.flags();
        match opener {
            Some(opener) => {
                let flags = Value::from_small(flags as i64);
                let result = call::call(vm, opener, &[file, flags])?;
                let fd = number::to_i64(vm, result)?;
                if fd < 0 {
                    return Err(vm.value_error(format!("opener returned {fd}")));
                }
                fd as i32
            }
            None => {
                let path = match (file.downcast::<PyStr>(), file.downcast::<PyBytes>()) {
                    (Some(s), _) => s.as_str().as_bytes().to_vec(),
                    (_, Some(b)) => b.as_bytes().to_vec(),
                    _ => unreachable!("is_path"),
                };
                let Ok(path) = CString::new(path) else {
                    return Err(vm.value_error("embedded null byte"));
                };
                loop {
                    // SAFETY: `path` is a NUL-terminated string that outlives the call.
                    let fd = unsafe { libc::open(path.as_ptr(), flags, 0o666 as libc::c_uint) };
                    if fd >= 0 {
                        break fd;
                    }
                    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
                    if errno != libc::EINTR {
                        return Err(os_error_from_errno(vm, errno, file));
                    }
                }
            }
        }
    };
    // SAFETY: `stat` is plain data that `fstat` fills.
    let mut stat: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `stat` is a valid out-pointer.
    let stat_result = unsafe { libc::fstat(fd, &mut stat) };
    let errno = if stat_result < 0 {
        std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
    } else if stat.st_mode & libc::S_IFMT == libc::S_IFDIR {
        libc::EISDIR
    } else {
        0
    };
    if errno != 0 {
        if closefd {
            // SAFETY: the descriptor is ours and not used after this.
            unsafe { libc::close(fd) };
        }
        return Err(os_error_from_errno(vm, errno, file));
    }
    if mode.appending {
        // SAFETY: `lseek` only moves the descriptor's position.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    Ok(fd)
}
