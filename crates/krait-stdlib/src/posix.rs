//! The `posix` module (CPython 3.11: `Modules/posixmodule.c`), the small
//! real subset that lets CPython's `Lib/os.py` import and that `random`,
//! `tempfile`-free scripts and `os.environ` users need: `environ`,
//! `getcwd`/`getcwdb`, `getpid`, `urandom`, `strerror`, `fspath`,
//! `putenv`/`unsetenv`, `cpu_count`, `_exit`, and for the file system
//! `stat`/`lstat`/`fstat`, `open`/`close`/`read`/`write`, `listdir` and
//! `scandir` (eager: it reads the directory when called).
//!
//! `stat_result` differs from CPython's in one way: Krait's struct
//! sequences have no unnamed fields, so items 7 to 9 are the float
//! `st_atime`, `st_mtime`, `st_ctime` (CPython: their int truncations).
//! Paths are str (UTF-8) or bytes; `dir_fd` and `follow_symlinks=False`
//! beyond `lstat` are not supported.

use std::ffi::CString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

use krait_vm::error::{PyErr, PyResult};
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, GetSetDef, MethodDef};
use krait_vm::object::{Gc, PyPayload, ValueCell};
use krait_vm::protocol::{call, number};
use krait_vm::structseq::{new_structseq, new_structseq_type, StructSeqDesc};
use krait_vm::types::bytes::{new_bytes_vec, PyBytes};
use krait_vm::types::dict::PyDict;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static POSIX: NativeModuleDef = NativeModuleDef {
    name: "posix",
    doc: "This module provides access to operating system functionality that is\n\
          standardized by the C Standard and the POSIX standard (a thinly\n\
          disguised Unix interface).  Refer to the library manual and\n\
          corresponding Unix manual entries for more information on calls.",
    methods: &[
        MethodDef::function("getcwd", posix_getcwd),
        MethodDef::function("getcwdb", posix_getcwdb),
        MethodDef::function("getpid", |vm, args| {
            args.exact::<0>(vm, "getpid")?;
            Ok(vm.new_int(std::process::id() as i64))
        }),
        MethodDef::function("urandom", posix_urandom),
        MethodDef::function("strerror", posix_strerror),
        MethodDef::function("fspath", posix_fspath),
        MethodDef::function("putenv", posix_putenv),
        MethodDef::function("unsetenv", posix_unsetenv),
        MethodDef::function("cpu_count", |vm, args| {
            args.exact::<0>(vm, "cpu_count")?;
            match std::thread::available_parallelism() {
                Ok(n) => Ok(vm.new_int(n.get() as i64)),
                Err(_) => Ok(vm.none()),
            }
        }),
        MethodDef::function("_exit", posix_exit),
        MethodDef::function("stat", |vm, args| posix_stat(vm, args, "stat", true)),
        MethodDef::function("lstat", |vm, args| posix_stat(vm, args, "lstat", false)),
        MethodDef::function("fstat", posix_fstat),
        MethodDef::function("open", posix_open),
        MethodDef::function("close", posix_close),
        MethodDef::function("lseek", posix_lseek),
        MethodDef::function("unlink", posix_unlink),
        MethodDef::function("remove", posix_unlink),
        MethodDef::function("ftruncate", posix_ftruncate),
        MethodDef::function("isatty", posix_isatty),
        MethodDef::function("read", posix_read),
        MethodDef::function("write", posix_write),
        MethodDef::function("listdir", posix_listdir),
        MethodDef::function("scandir", posix_scandir),
    ],
    init: Some(posix_init),
};

fn posix_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    // `os.environ` is built from this bytes-to-bytes dict on POSIX.
    let environ = PyDict::new(vm);
    for (key, value) in std::env::vars_os() {
        let key = new_bytes_vec(vm, key.into_vec());
        let value = new_bytes_vec(vm, value.into_vec());
        environ.set_item(vm, key, value)?;
    }
    module.set_attr(vm, "environ", environ.value());
    let constants = [
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ];
    for (name, value) in constants {
        module.set_attr(vm, name, Value::from_small(value));
    }
    // What `os.py` reads to build `supports_follow_symlinks` and friends.
    let have = vm.new_str("HAVE_LSTAT");
    let have_functions = krait_vm::types::list::new_list(vm, &[have]);
    module.set_attr(vm, "_have_functions", have_functions);
    let stat_result = new_structseq_type(vm, &STAT_RESULT_DESC)?;
    module.set_attr(vm, "stat_result", stat_result.value());
    let dir_entry = new_native_type(vm, &DIR_ENTRY_SPEC, None, "posix");
    module.set_attr(vm, "DirEntry", dir_entry.value());
    let scandir_iterator = new_native_type(vm, &SCANDIR_ITERATOR_SPEC, None, "posix");
    module.set_attr(vm, "ScandirIterator", scandir_iterator.value());
    Ok(())
}

fn os_error(vm: &mut Vm, errno: i32) -> PyErr {
    os_error_with(vm, errno, Value::NULL)
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// `OSError(errno, strerror[, filename])`: the constructor picks the
/// subclass (`FileNotFoundError`, ...).
fn os_error_with(vm: &mut Vm, errno: i32, filename: Value) -> PyErr {
    let message = std::io::Error::from_raw_os_error(errno).to_string();
    // Rust appends " (os error N)"; CPython's message is strerror's alone.
    let message = message.split(" (os error").next().unwrap_or("").to_string();
    let errno_value = Value::from_small(errno as i64);
    let text = vm.new_str(&message);
    let os_error = vm.exceptions.os_error.value();
    let result = if filename.is_null() {
        call::call(vm, os_error, &[errno_value, text])
    } else {
        call::call(vm, os_error, &[errno_value, text, filename])
    };
    match result {
        Ok(exc) => PyErr::from_exception(exc),
        Err(err) => err,
    }
}

fn cwd_bytes(vm: &mut Vm) -> PyResult<Vec<u8>> {
    match std::env::current_dir() {
        Ok(path) => Ok(path.into_os_string().into_vec()),
        Err(err) => Err(os_error(vm, err.raw_os_error().unwrap_or(libc::EIO))),
    }
}

fn posix_getcwd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "getcwd")?;
    let bytes = cwd_bytes(vm)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(vm.new_str(&text))
}

fn posix_getcwdb(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "getcwdb")?;
    let bytes = cwd_bytes(vm)?;
    Ok(new_bytes_vec(vm, bytes))
}

fn posix_urandom(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [size] = args.exact::<1>(vm, "urandom")?;
    let size = number::to_index_isize(vm, size)?;
    if size < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buffer = vec![0u8; size as usize];
    let mut filled = 0;
    while filled < buffer.len() {
        // SAFETY: the pointer and length describe the unfilled tail of `buffer`.
        let n = unsafe { libc::getrandom(buffer[filled..].as_mut_ptr().cast(), buffer.len() - filled, 0) };
        if n < 0 {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
            if errno == libc::EINTR {
                continue;
            }
            return Err(os_error(vm, errno));
        }
        filled += n as usize;
    }
    Ok(new_bytes_vec(vm, buffer))
}

fn posix_strerror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [code] = args.exact::<1>(vm, "strerror")?;
    let code = number::to_i64(vm, code)? as i32;
    // SAFETY: strerror returns a pointer to a NUL-terminated message that
    // stays valid until the next call; it is copied at once.
    let message = unsafe { std::ffi::CStr::from_ptr(libc::strerror(code)) }.to_string_lossy().into_owned();
    Ok(vm.new_str(&message))
}

/// `os.fspath`: str and bytes as they are, otherwise `__fspath__()`.
fn posix_fspath(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: krait_vm::native::Signature = krait_vm::native::Signature {
        name: "fspath",
        params: &["path"],
        positional_only: 0,
        keyword_only: 1,
        required: 1,
    };
    let [path] = args.bind::<1>(vm, &SIG)?;
    if path.downcast::<PyStr>().is_some() || path.downcast::<PyBytes>().is_some() {
        return Ok(path);
    }
    let cls = vm.class_of(path);
    let Some(method) = cls.lookup_str(vm, "__fspath__") else {
        let tn = vm.type_name(path);
        return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {tn}")));
    };
    let result = call::call(vm, method, &[path])?;
    if result.downcast::<PyStr>().is_some() || result.downcast::<PyBytes>().is_some() {
        return Ok(result);
    }
    let tn = vm.type_name(path);
    let rn = vm.type_name(result);
    Err(vm.type_error(format!("expected {tn}.__fspath__() to return str or bytes, not {rn}")))
}

/// A str (encoded as UTF-8) or bytes argument as a C string.
fn c_string_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<CString> {
    let bytes = if let Some(s) = v.downcast::<PyStr>() {
        s.as_str().as_bytes().to_vec()
    } else if let Some(b) = v.downcast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("{what}: expected str, bytes or os.PathLike object, not {tn}")));
    };
    CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))
}

fn posix_putenv(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [key, value] = args.exact::<2>(vm, "putenv")?;
    let key = c_string_arg(vm, key, "putenv")?;
    let value = c_string_arg(vm, value, "putenv")?;
    if key.as_bytes().is_empty() || key.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(std::ffi::OsStr::from_bytes(key.as_bytes()), std::ffi::OsStr::from_bytes(value.as_bytes()));
    Ok(vm.none())
}

fn posix_unsetenv(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [key] = args.exact::<1>(vm, "unsetenv")?;
    let key = c_string_arg(vm, key, "unsetenv")?;
    if key.as_bytes().is_empty() || key.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(std::ffi::OsStr::from_bytes(key.as_bytes()));
    Ok(vm.none())
}

fn posix_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [status] = args.exact::<1>(vm, "_exit")?;
    let status = number::to_i64(vm, status)? as i32;
    // SAFETY: _exit ends the process at once, as os._exit must.
    unsafe { libc::_exit(status) }
}

// ---- the file system ----------------------------------------------------------------------------

static STAT_RESULT_DESC: StructSeqDesc = StructSeqDesc {
    module: "os",
    name: "stat_result",
    fields: &[
        "st_mode",
        "st_ino",
        "st_dev",
        "st_nlink",
        "st_uid",
        "st_gid",
        "st_size",
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
    n_sequence_fields: 10,
    doc: "stat_result: Result from stat, fstat, or lstat.",
};

/// A path argument: str, bytes or os.PathLike, as a C string.
fn path_arg(vm: &mut Vm, v: Value, function: &str) -> PyResult<CString> {
    let path = if v.downcast::<PyStr>().is_some() || v.downcast::<PyBytes>().is_some() {
        v
    } else {
        let cls = vm.class_of(v);
        match cls.lookup_str(vm, "__fspath__") {
            Some(method) => call::call(vm, method, &[v])?,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("{function}: path should be string, bytes or os.PathLike, not {tn}")));
            }
        }
    };
    c_string_arg(vm, path, function)
}

fn stat_value(vm: &mut Vm, st: &libc::stat) -> PyResult {
    let ty = crate::util::module_type(vm, "posix", "stat_result")?;
    let time = |secs: i64, nanos: i64| secs as f64 + nanos as f64 * 1e-9;
    let ns = |vm: &mut Vm, secs: i64, nanos: i64| vm.new_bigint(num_bigint::BigInt::from(secs) * 1_000_000_000 + nanos);
    let fields = krait_vm::rooted::RootedVec::new(vm);
    for v in [
        st.st_mode as i64,
        st.st_ino as i64,
        st.st_dev as i64,
        st.st_nlink as i64,
        st.st_uid as i64,
        st.st_gid as i64,
        st.st_size,
    ] {
        let v = vm.new_int(v);
        fields.push(vm, v);
    }
    for (secs, nanos) in
        [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)]
    {
        let v = vm.new_float(time(secs, nanos));
        fields.push(vm, v);
    }
    for (secs, nanos) in
        [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)]
    {
        let v = ns(vm, secs, nanos);
        fields.push(vm, v);
    }
    for v in [st.st_blksize, st.st_blocks, st.st_rdev as i64] {
        let v = vm.new_int(v);
        fields.push(vm, v);
    }
    new_structseq(vm, ty, &fields.to_vec())
}

fn stat_path(vm: &mut Vm, path: Value, function: &str, follow: bool) -> PyResult {
    let c_path = path_arg(vm, path, function)?;
    // SAFETY: `st` is plain data the call fills; `c_path` is NUL-terminated.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let result = unsafe {
        if follow {
            libc::stat(c_path.as_ptr(), &mut st)
        } else {
            libc::lstat(c_path.as_ptr(), &mut st)
        }
    };
    if result != 0 {
        let errno = last_errno();
        return Err(os_error_with(vm, errno, path));
    }
    stat_value(vm, &st)
}

fn posix_stat(vm: &mut Vm, args: Args<'_>, function: &'static str, follow_default: bool) -> PyResult {
    static STAT_SIG: krait_vm::native::Signature = krait_vm::native::Signature {
        name: "stat",
        params: &["path", "dir_fd", "follow_symlinks"],
        positional_only: 0,
        keyword_only: 1,
        required: 1,
    };
    let [path, _dir_fd, follow] = args.bind::<3>(vm, &STAT_SIG)?;
    let follow = if follow.is_null() {
        follow_default
    } else {
        krait_vm::protocol::object::truthy(vm, follow)? && follow_default
    };
    if let Some(fd) = path.as_small_int() {
        return fstat_fd(vm, fd as i32);
    }
    stat_path(vm, path, function, follow)
}

fn fstat_fd(vm: &mut Vm, fd: i32) -> PyResult {
    // SAFETY: `st` is plain data the call fills.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        let errno = last_errno();
        return Err(os_error(vm, errno));
    }
    stat_value(vm, &st)
}

fn posix_fstat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>(vm, "fstat")?;
    let fd = number::to_i64(vm, fd)? as i32;
    fstat_fd(vm, fd)
}

fn posix_open(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: krait_vm::native::Signature = krait_vm::native::Signature {
        name: "open",
        params: &["path", "flags", "mode", "dir_fd"],
        positional_only: 0,
        keyword_only: 3,
        required: 2,
    };
    let [path, flags, mode, _dir_fd] = args.bind::<4>(vm, &SIG)?;
    let c_path = path_arg(vm, path, "open")?;
    let flags = number::to_i64(vm, flags)? as i32 | libc::O_CLOEXEC;
    let mode = if mode.is_null() { 0o777 } else { number::to_i64(vm, mode)? as libc::c_uint };
    // SAFETY: `c_path` is NUL-terminated.
    let fd = unsafe { libc::open(c_path.as_ptr(), flags, mode) };
    if fd < 0 {
        let errno = last_errno();
        return Err(os_error_with(vm, errno, path));
    }
    Ok(vm.new_int(fd as i64))
}

fn posix_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>(vm, "close")?;
    let fd = number::to_i64(vm, fd)? as i32;
    // SAFETY: closing a descriptor number has no memory-safety preconditions.
    if unsafe { libc::close(fd) } != 0 {
        let errno = last_errno();
        return Err(os_error(vm, errno));
    }
    Ok(vm.none())
}

/// `unlink(path)` and its alias `remove(path)` (no `dir_fd`).
fn posix_unlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [path] = args.exact::<1>(vm, "unlink")?;
    let c_path = path_arg(vm, path, "unlink")?;
    // SAFETY: `c_path` is NUL-terminated.
    if unsafe { libc::unlink(c_path.as_ptr()) } != 0 {
        let errno = last_errno();
        return Err(os_error_with(vm, errno, path));
    }
    Ok(vm.none())
}

fn posix_lseek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, position, whence] = args.exact::<3>(vm, "lseek")?;
    let fd = number::to_i64(vm, fd)? as i32;
    let position = number::to_i64(vm, position)?;
    let whence = number::to_i64(vm, whence)? as i32;
    // SAFETY: lseek on a descriptor number has no memory-safety preconditions.
    let result = unsafe { libc::lseek(fd, position as libc::off_t, whence) };
    if result < 0 {
        let errno = last_errno();
        return Err(os_error(vm, errno));
    }
    Ok(vm.new_int(result as i64))
}

fn posix_ftruncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, length] = args.exact::<2>(vm, "ftruncate")?;
    let fd = number::to_i64(vm, fd)? as i32;
    let length = number::to_i64(vm, length)?;
    // SAFETY: ftruncate on a descriptor number has no memory-safety preconditions.
    if unsafe { libc::ftruncate(fd, length as libc::off_t) } != 0 {
        let errno = last_errno();
        return Err(os_error(vm, errno));
    }
    Ok(vm.none())
}

fn posix_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>(vm, "isatty")?;
    let fd = number::to_i64(vm, fd)? as i32;
    // SAFETY: `isatty` only inspects the descriptor.
    let tty = unsafe { libc::isatty(fd) } == 1;
    Ok(vm.bool_value(tty))
}

fn posix_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, length] = args.exact::<2>(vm, "read")?;
    let fd = number::to_i64(vm, fd)? as i32;
    let length = number::to_index_isize(vm, length)?;
    if length < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buffer = vec![0u8; length as usize];
    // SAFETY: the buffer has `length` writable bytes.
    let n = unsafe { libc::read(fd, buffer.as_mut_ptr().cast(), buffer.len()) };
    if n < 0 {
        let errno = last_errno();
        return Err(os_error(vm, errno));
    }
    buffer.truncate(n as usize);
    Ok(new_bytes_vec(vm, buffer))
}

fn posix_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, data] = args.exact::<2>(vm, "write")?;
    let fd = number::to_i64(vm, fd)? as i32;
    let Some(bytes) = krait_vm::types::bytes::as_buffer(data) else {
        let tn = vm.type_name(data);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    // SAFETY: the pointer and length describe `bytes`.
    let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
    if n < 0 {
        let errno = last_errno();
        return Err(os_error(vm, errno));
    }
    Ok(vm.new_int(n as i64))
}

/// The entry names of a directory, and whether the path was given as bytes.
/// A directory's entries: name and kind (b'd', b'f', b'l' or unknown).
type DirNames = Vec<(Vec<u8>, Option<u8>)>;

fn read_dir(vm: &mut Vm, args: &Args<'_>, function: &str) -> PyResult<(Value, DirNames, bool)> {
    let given = args.positional_range(vm, function, 0, 1)?;
    let path = match given.first() {
        Some(&p) if !vm.is_none(p) => p,
        _ => vm.new_str("."),
    };
    let c_path = path_arg(vm, path, function)?;
    let as_bytes = path.downcast::<PyBytes>().is_some();
    let os_path = std::ffi::OsStr::from_bytes(c_path.as_bytes());
    let reader = match std::fs::read_dir(os_path) {
        Ok(r) => r,
        Err(err) => return Err(os_error_with(vm, err.raw_os_error().unwrap_or(libc::EIO), path)),
    };
    let mut names = Vec::new();
    for entry in reader {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => return Err(os_error_with(vm, err.raw_os_error().unwrap_or(libc::EIO), path)),
        };
        let kind = entry.file_type().ok().map(|t| {
            if t.is_symlink() {
                b'l'
            } else if t.is_dir() {
                b'd'
            } else {
                b'f'
            }
        });
        names.push((entry.file_name().into_vec(), kind));
    }
    Ok((path, names, as_bytes))
}

fn name_value(vm: &mut Vm, name: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        new_bytes_vec(vm, name.to_vec())
    } else {
        let text = String::from_utf8_lossy(name).into_owned();
        vm.new_str(&text)
    }
}

fn posix_listdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, names, as_bytes) = read_dir(vm, &args, "listdir")?;
    let list = krait_vm::rooted::RootedVec::new(vm);
    for (name, _) in &names {
        let v = name_value(vm, name, as_bytes);
        list.push(vm, v);
    }
    Ok(list.list().value())
}

struct DirEntry {
    name: ValueCell,
    path: ValueCell,
    /// b'd', b'f', b'l' or unknown.
    kind: Option<u8>,
}

impl NativeData for DirEntry {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.name.get(), self.path.get()]);
    }
}

fn entry_of(vm: &mut Vm, v: Value) -> PyResult<&'static DirEntry> {
    native_data::<DirEntry>(v).ok_or_else(|| vm.type_error("expected an os.DirEntry"))
}

fn posix_scandir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (path, names, as_bytes) = read_dir(vm, &args, "scandir")?;
    let entry_type = crate::util::module_type(vm, "posix", "DirEntry")?;
    let base = if as_bytes {
        path.downcast::<PyBytes>().map(|b| b.as_bytes().to_vec()).unwrap_or_default()
    } else {
        let text = krait_vm::protocol::object::str(vm, path)?;
        text.as_str().as_bytes().to_vec()
    };
    let entries = krait_vm::rooted::RootedVec::new(vm);
    for (name, kind) in &names {
        let name_v = name_value(vm, name, as_bytes);
        let mut full = base.clone();
        if !full.is_empty() && !full.ends_with(b"/") {
            full.push(b'/');
        }
        full.extend_from_slice(name);
        let path_v = name_value(vm, &full, as_bytes);
        let entry = new_native_object(
            vm,
            DirEntry { name: ValueCell::new(name_v), path: ValueCell::new(path_v), kind: *kind },
            entry_type,
        );
        entries.push(vm, entry);
    }
    let list = entries.list().value();
    let iterator = krait_vm::protocol::iter::iter(vm, list)?;
    let ty = crate::util::module_type(vm, "posix", "ScandirIterator")?;
    Ok(new_native_object(vm, ScandirIterator { iterator: ValueCell::new(iterator) }, ty))
}

fn entry_is(vm: &mut Vm, args: Args<'_>, want: u8) -> PyResult {
    let this = args.this();
    let entry = entry_of(vm, this)?;
    let follow = args.kwargs().find(|(k, _)| k.as_str() == "follow_symlinks").map(|(_, v)| v);
    let follow = match follow {
        Some(v) => krait_vm::protocol::object::truthy(vm, v)?,
        None => true,
    };
    if want == b'l' {
        return Ok(vm.bool_value(entry.kind == Some(b'l')));
    }
    if entry.kind == Some(b'l') && follow {
        // Follow the link.
        let result = stat_path(vm, entry.path.get(), "stat", true);
        let Ok(st) = result else { return Ok(vm.bool_value(false)) };
        let mode = krait_vm::protocol::sequence::getitem(vm, st, Value::from_small(0))?;
        let mode = number::to_i64(vm, mode)? as u32;
        let is_dir = mode & libc::S_IFMT == libc::S_IFDIR;
        let is_file = mode & libc::S_IFMT == libc::S_IFREG;
        return Ok(vm.bool_value(if want == b'd' { is_dir } else { is_file }));
    }
    Ok(vm.bool_value(entry.kind == Some(want)))
}

fn entry_stat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let entry = entry_of(vm, this)?;
    let follow = args.kwargs().find(|(k, _)| k.as_str() == "follow_symlinks").map(|(_, v)| v);
    let follow = match follow {
        Some(v) => krait_vm::protocol::object::truthy(vm, v)?,
        None => true,
    };
    stat_path(vm, entry.path.get(), "stat", follow)
}

fn entry_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let entry = entry_of(vm, args.this())?;
    let name = krait_vm::protocol::object::repr(vm, entry.name.get())?.as_str().to_string();
    Ok(vm.new_str(&format!("<DirEntry {name}>")))
}

static DIR_ENTRY_SPEC: TypeSpec = TypeSpec {
    name: "DirEntry",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("is_dir", |vm, args| entry_is(vm, args, b'd')),
        MethodDef::method("is_file", |vm, args| entry_is(vm, args, b'f')),
        MethodDef::method("is_symlink", |vm, args| entry_is(vm, args, b'l')),
        MethodDef::method("stat", entry_stat),
        MethodDef::method("__fspath__", |vm, args| Ok(entry_of(vm, args.this())?.path.get())),
        MethodDef::method("__repr__", entry_repr),
    ],
    getsets: &[
        GetSetDef::readonly("name", |vm, v| Ok(entry_of(vm, v)?.name.get())),
        GetSetDef::readonly("path", |vm, v| Ok(entry_of(vm, v)?.path.get())),
    ],
    doc: "",
};

struct ScandirIterator {
    iterator: ValueCell,
}

impl NativeData for ScandirIterator {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.iterator.get());
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some(krait_vm::protocol::iter::next(vm, self.iterator.get()))
    }
}

fn scandir_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(it) = native_data::<ScandirIterator>(this) else {
        return Err(vm.type_error("expected a ScandirIterator"));
    };
    match it.iter_next(vm, this).expect("advances")? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NULL)),
    }
}

fn scandir_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if let Some(it) = native_data::<ScandirIterator>(args.this()) {
        let empty = vm.singletons.empty_tuple;
        let exhausted = krait_vm::protocol::iter::iter(vm, empty)?;
        it.iterator.set(exhausted);
    }
    Ok(vm.none())
}

static SCANDIR_ITERATOR_SPEC: TypeSpec = TypeSpec {
    name: "ScandirIterator",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__iter__", |_vm, args| Ok(args.this())),
        MethodDef::method("__next__", scandir_next),
        MethodDef::method("__enter__", |_vm, args| Ok(args.this())),
        MethodDef::method("__exit__", scandir_close),
        MethodDef::method("close", scandir_close),
    ],
    getsets: &[],
    doc: "",
};
