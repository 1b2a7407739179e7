//! `BaseException` and the builtin exception hierarchy.
//!
//! All builtin exceptions share one layout, `PyBaseException` (args,
//! traceback, cause, context), plus an attribute area; the few with extra
//! fields (`StopIteration.value`, `SystemExit.code`, `SyntaxError.lineno`,
//! `OSError.errno`, ...) keep them as ordinary attributes set by their
//! `__init__`. The hierarchy is the `exception_types!` table below, in
//! CPython's order, each entry naming its base.

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::protocol;
use crate::types::str::PyStr;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::{flags, PyType};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyBaseException {
    header: ObjHeader,
    pub args: ValueCell,
    pub traceback: ValueCell,
    pub cause: ValueCell,
    pub context: ValueCell,
    pub suppress_context: std::cell::Cell<bool>,
}

impl_payload!(PyBaseException, BaseException, subclassable);

impl PyBaseException {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.args.get(), self.traceback.get(), self.cause.get(), self.context.get()]);
    }

    pub fn args_tuple(&self) -> Option<Gc<PyTuple>> {
        self.args.get().downcast::<PyTuple>()
    }
}

macro_rules! exception_types {
    (root $root:ident; $($field:ident: $name:literal < $base:ident,)*) => {
        /// The builtin exception types.
        pub struct ExceptionTypes {
            pub $root: Gc<PyType>,
            $(pub $field: Gc<PyType>,)*
        }

        impl ExceptionTypes {
            /// Create the hierarchy under `BaseException`.
            pub(crate) fn create(vm_types: &mut dyn FnMut(&'static str, Gc<PyType>) -> Gc<PyType>, $root: Gc<PyType>) -> ExceptionTypes {
                $(let $field = vm_types($name, $base);)*
                ExceptionTypes { $root, $($field,)* }
            }

            /// Every exception type with its name.
            pub fn all(&self) -> Vec<(&'static str, Gc<PyType>)> {
                vec![("BaseException", self.$root), $(($name, self.$field),)*]
            }

            pub(crate) fn trace(&self, tracer: &mut Tracer) {
                tracer.mark(self.$root.value());
                $(tracer.mark(self.$field.value());)*
            }
        }
    };
}

exception_types! {
    root base_exception;
    base_exception_group: "BaseExceptionGroup" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    system_exit: "SystemExit" < base_exception,
    exception: "Exception" < base_exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    exception_group: "ExceptionGroup" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    stop_async_iteration: "StopAsyncIteration" < exception,
    stop_iteration: "StopIteration" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    bytes_warning: "BytesWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    user_warning: "UserWarning" < warning,
}

/// A new exception of type `ty` with these args (no `__init__` call).
pub fn new_exception(vm: &mut Vm, ty: Gc<PyType>, args: &[Value]) -> Value {
    let args = new_tuple(vm, args);
    let payload = PyBaseException {
        header: ObjHeader::new(PyBaseException::LAYOUT, Value::NULL),
        args: ValueCell::new(args),
        traceback: ValueCell::new(Value::NULL),
        cause: ValueCell::new(Value::NULL),
        context: ValueCell::new(Value::NULL),
        suppress_context: std::cell::Cell::new(false),
    };
    let exc = vm.alloc_instance(payload, ty).value();
    init_special_attributes(vm, exc, ty);
    exc
}

/// Set the per-type attributes (`StopIteration.value`, ...) from `args`.
fn init_special_attributes(vm: &mut Vm, exc: Value, ty: Gc<PyType>) {
    let Some(e) = exc.downcast::<PyBaseException>() else { return };
    let args: Vec<Value> = e.args_tuple().map(|t| t.as_slice().to_vec()).unwrap_or_default();
    let first = args.first().copied().unwrap_or(vm.none());
    let set = |vm: &mut Vm, name: &str, v: Value| {
        let key = vm.intern(name).downcast::<PyStr>().expect("str");
        crate::protocol::attr::set_instance_attr(vm, exc, key, v);
    };
    let exceptions = &vm.exceptions;
    if crate::types::typeobject::is_subtype(ty, exceptions.stop_iteration) {
        set(vm, "value", first);
    } else if crate::types::typeobject::is_subtype(ty, vm.exceptions.system_exit) {
        let code = match args.len() {
            0 => vm.none(),
            1 => first,
            _ => e.args.get(),
        };
        set(vm, "code", code);
    } else if crate::types::typeobject::is_subtype(ty, vm.exceptions.import_error) {
        let msg = if args.len() == 1 { first } else { vm.none() };
        set(vm, "msg", msg);
        let none = vm.none();
        set(vm, "name", none);
        set(vm, "path", none);
    } else if crate::types::typeobject::is_subtype(ty, vm.exceptions.syntax_error) {
        let none = vm.none();
        let msg = if args.is_empty() { none } else { first };
        set(vm, "msg", msg);
        let details: Vec<Value> =
            args.get(1).and_then(|d| d.downcast::<PyTuple>()).map(|t| t.as_slice().to_vec()).unwrap_or_default();
        for (i, name) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().enumerate() {
            let v = details.get(i).copied().unwrap_or(none);
            set(vm, name, v);
        }
        set(vm, "print_file_and_line", none);
    } else if crate::types::typeobject::is_subtype(ty, vm.exceptions.unicode_error) && args.len() >= 4 {
        let names: &[&str] = if crate::types::typeobject::is_subtype(ty, vm.exceptions.unicode_translate_error) {
            &["object", "start", "end", "reason"]
        } else {
            &["encoding", "object", "start", "end", "reason"]
        };
        if args.len() == names.len() {
            for (name, &v) in names.iter().zip(&args) {
                set(vm, name, v);
            }
        }
    } else if crate::types::typeobject::is_subtype(ty, vm.exceptions.os_error) {
        let none = vm.none();
        let (errno, strerror) = if (2..=5).contains(&args.len()) { (args[0], args[1]) } else { (none, none) };
        set(vm, "errno", errno);
        set(vm, "strerror", strerror);
        let filename = if (3..=5).contains(&args.len()) { args[2] } else { none };
        set(vm, "filename", filename);
        set(vm, "filename2", none);
    } else if crate::types::typeobject::is_subtype(ty, vm.exceptions.name_error)
        || crate::types::typeobject::is_subtype(ty, vm.exceptions.attribute_error)
    {
        let none = vm.none();
        set(vm, "name", none);
        if crate::types::typeobject::is_subtype(ty, vm.exceptions.attribute_error) {
            set(vm, "obj", none);
        }
    }
}

/// The exception's `__traceback__` (NULL if none).
pub fn get_traceback(exc: Value) -> Value {
    exc.downcast::<PyBaseException>().map_or(Value::NULL, |e| e.traceback.get())
}

pub fn set_traceback(exc: Value, tb: Value) {
    if let Some(e) = exc.downcast::<PyBaseException>() {
        e.traceback.set(tb);
    }
}

/// Set `exc.__context__` to the exception being handled, as CPython's
/// `_PyErr_SetObject` does (breaking any cycle this would create).
pub fn attach_context(vm: &mut Vm, exc: Value) {
    let handled = vm.topmost_handled_exception();
    if handled.is_null() || handled.is(exc) {
        return;
    }
    let Some(e) = exc.downcast::<PyBaseException>() else { return };
    if !e.context.get().is_null() && e.context.get().is(handled) {
        return;
    }
    // Break cycles: walk the handled exception's context chain and cut it
    // where it reaches `exc`.
    let mut o = handled;
    while let Some(oe) = o.downcast::<PyBaseException>() {
        let context = oe.context.get();
        if context.is_null() {
            break;
        }
        if context.is(exc) {
            oe.context.set(Value::NULL);
            break;
        }
        o = context;
    }
    e.context.set(handled);
}

fn this_exc(vm: &mut Vm, v: Value) -> PyResult<Gc<PyBaseException>> {
    match v.downcast::<PyBaseException>() {
        Some(e) => Ok(e),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'BaseException' object but received a '{name}'")))
        }
    }
}

fn or_none(vm: &Vm, v: Value) -> Value {
    if v.is_null() {
        vm.none()
    } else {
        v
    }
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "BaseException",
    base: None,
    layout: PyBaseException::LAYOUT,
    layout_with_attrs: PyBaseException::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", exc_new),
        MethodDef::method("__init__", exc_init),
        MethodDef::method("__str__", exc_str),
        MethodDef::method("__repr__", exc_repr),
        MethodDef::method("with_traceback", |vm, args| {
            let [this, tb] = args.exact::<2>(vm, "with_traceback")?;
            let e = this_exc(vm, this)?;
            e.traceback.set(if vm.is_none(tb) { Value::NULL } else { tb });
            Ok(this)
        }),
        MethodDef::method("add_note", |vm, args| {
            let [this, note] = args.exact::<2>(vm, "add_note")?;
            if note.downcast::<PyStr>().is_none() {
                let name = vm.type_name(note);
                return Err(vm.type_error(format!("note must be a str, not '{name}'")));
            }
            let notes = match protocol::attr::getattr_opt(vm, this, "__notes__")? {
                Some(n) => n,
                None => {
                    let l = crate::types::list::new_list(vm, &[]);
                    let key = vm.intern("__notes__").downcast::<PyStr>().expect("str");
                    protocol::attr::setattr(vm, this, key, l)?;
                    l
                }
            };
            protocol::call::call_method(vm, notes, "append", &[note])?;
            Ok(vm.none())
        }),
        MethodDef::method("__reduce__", |vm, args| {
            let e = this_exc(vm, args.this())?;
            let cls = vm.class_of(args.this()).value();
            let a = e.args.get();
            Ok(new_tuple(vm, &[cls, a]))
        }),
    ],
    getsets: &[
        GetSetDef::new(
            "args",
            |vm, e| Ok(this_exc(vm, e)?.args.get()),
            |vm, e, v| {
                let e = this_exc(vm, e)?;
                let list = protocol::iter::collect(vm, v)?;
                let t = crate::types::tuple::tuple_from_vec(vm, list.to_vec());
                e.args.set(t);
                Ok(())
            },
        ),
        GetSetDef::new(
            "__traceback__",
            |vm, e| {
                let tb = this_exc(vm, e)?.traceback.get();
                Ok(or_none(vm, tb))
            },
            |vm, e, v| {
                let e = this_exc(vm, e)?;
                if !vm.is_none(v) && v.downcast::<crate::types::traceback::PyTraceback>().is_none() {
                    return Err(vm.type_error("__traceback__ must be a traceback or None"));
                }
                e.traceback.set(if vm.is_none(v) { Value::NULL } else { v });
                Ok(())
            },
        ),
        GetSetDef::new(
            "__cause__",
            |vm, e| {
                let c = this_exc(vm, e)?.cause.get();
                Ok(or_none(vm, c))
            },
            |vm, e, v| {
                let e = this_exc(vm, e)?;
                if !vm.is_none(v) && v.downcast::<PyBaseException>().is_none() {
                    return Err(vm.type_error("exception cause must be None or derive from BaseException"));
                }
                e.cause.set(if vm.is_none(v) { Value::NULL } else { v });
                e.suppress_context.set(true);
                Ok(())
            },
        ),
        GetSetDef::new(
            "__context__",
            |vm, e| {
                let c = this_exc(vm, e)?.context.get();
                Ok(or_none(vm, c))
            },
            |vm, e, v| {
                let e = this_exc(vm, e)?;
                if !vm.is_none(v) && v.downcast::<PyBaseException>().is_none() {
                    return Err(vm.type_error("exception context must be None or derive from BaseException"));
                }
                e.context.set(if vm.is_none(v) { Value::NULL } else { v });
                Ok(())
            },
        ),
        GetSetDef::new(
            "__suppress_context__",
            |vm, e| {
                let s = this_exc(vm, e)?.suppress_context.get();
                Ok(vm.bool_value(s))
            },
            |vm, e, v| {
                let e = this_exc(vm, e)?;
                let b = protocol::object::truthy(vm, v)?;
                e.suppress_context.set(b);
                Ok(())
            },
        ),
        GetSetDef::readonly("__dict__", protocol::attr::instance_dict),
    ],
    doc: "Common base class for all exceptions",
};

fn exc_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.positional();
    let Some(cls) = all.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    if !cls.has_flag(flags::EXCEPTION) {
        let name = cls.name().to_string();
        return Err(vm.type_error(format!("BaseException.__new__({name}): {name} is not a subtype of BaseException")));
    }
    let mut cls = cls;
    if cls == vm.exceptions.os_error && all.len() >= 3 {
        if let Some(sub) = all[1].as_small_int().and_then(|errno| os_error_subclass(vm, errno)) {
            cls = sub;
        }
    }
    Ok(new_exception(vm, cls, &all[1..]))
}

fn exc_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.positional();
    let this = all[0];
    let e = this_exc(vm, this)?;
    let cls = vm.class_of(this);
    if args.has_kwargs() && cls.instance_layout().attrs_offset == 0 {
        let name = cls.name().to_string();
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    // OSError(errno, strerror, filename...) keeps only the first two in
    // `args`; the rest are attributes (CPython's `oserror_init`).
    let is_os_error = crate::types::typeobject::is_subtype(cls, vm.exceptions.os_error);
    let args_end = if is_os_error && (4..=6).contains(&all.len()) { 3 } else { all.len() };
    let t = new_tuple(vm, &all[1..args_end]);
    e.args.set(t);
    init_special_attributes(vm, this, cls);
    if args_end != all.len() {
        let none = vm.none();
        let set = |vm: &mut Vm, name: &str, value: Value| {
            let name = vm.intern(name).downcast::<PyStr>().expect("str");
            protocol::attr::setattr(vm, this, name, value)
        };
        set(vm, "filename", all[3])?;
        set(vm, "filename2", if all.len() == 6 { all[5] } else { none })?;
    }
    Ok(vm.none())
}

/// `str(exc)`: '' for no args, str(arg) for one, str(args) for more;
/// KeyError uses repr for its single argument.
fn exc_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let e = this_exc(vm, this)?;
    let cls = vm.class_of(this);
    let items: Vec<Value> = e.args_tuple().map(|t| t.as_slice().to_vec()).unwrap_or_default();
    if crate::types::typeobject::is_subtype(cls, vm.exceptions.key_error) && items.len() == 1 {
        return Ok(protocol::object::repr(vm, items[0])?.value());
    }
    if crate::types::typeobject::is_subtype(cls, vm.exceptions.syntax_error) {
        return syntax_error_str(vm, this, &items);
    }
    if let Some(text) = unicode_error_str(vm, cls, &items)? {
        return Ok(vm.new_str(&text));
    }
    if crate::types::typeobject::is_subtype(cls, vm.exceptions.os_error) && (2..=5).contains(&items.len()) {
        let errno = protocol::object::str(vm, items[0])?;
        let strerror = protocol::object::str(vm, items[1])?;
        let filename = match items.get(2) {
            Some(&filename) => Some(filename),
            None => protocol::attr::getattr_opt(vm, this, "filename")?.filter(|&f| !vm.is_none(f)),
        };
        let text = if let Some(filename) = filename {
            let filename = protocol::object::repr(vm, filename)?;
            format!("[Errno {}] {}: {}", errno.as_str(), strerror.as_str(), filename.as_str())
        } else {
            format!("[Errno {}] {}", errno.as_str(), strerror.as_str())
        };
        return Ok(vm.new_str(&text));
    }
    match items.len() {
        0 => Ok(vm.singletons.empty_str),
        1 => Ok(protocol::object::str(vm, items[0])?.value()),
        _ => Ok(protocol::object::str(vm, e.args.get())?.value()),
    }
}

/// `str()` of UnicodeEncodeError / UnicodeDecodeError / UnicodeTranslateError
/// made with their five arguments (encoding, object, start, end, reason).
fn unicode_error_str(vm: &mut Vm, cls: Gc<PyType>, items: &[Value]) -> PyResult<Option<String>> {
    let e = &vm.exceptions;
    let (encode, decode, translate) = (e.unicode_encode_error, e.unicode_decode_error, e.unicode_translate_error);
    let subtype = |t| crate::types::typeobject::is_subtype(cls, t);
    let kind = if subtype(encode) {
        "encode"
    } else if subtype(decode) {
        "decode"
    } else if subtype(translate) {
        "translate"
    } else {
        return Ok(None);
    };
    let expected = if kind == "translate" { 4 } else { 5 };
    if items.len() != expected {
        return Ok(None);
    }
    let (object, start, end, reason) = if kind == "translate" {
        (items[0], items[1], items[2], items[3])
    } else {
        (items[1], items[2], items[3], items[4])
    };
    let (Some(start), Some(end)) = (start.as_small_int(), end.as_small_int()) else { return Ok(None) };
    let reason = protocol::object::str(vm, reason)?.as_str().to_string();
    let encoding =
        if kind == "translate" { String::new() } else { protocol::object::str(vm, items[0])?.as_str().to_string() };
    let single = end == start + 1;
    let text = if kind == "decode" {
        let byte = crate::types::bytes::as_buffer(object).and_then(|b| b.get(start as usize).copied());
        match byte {
            Some(b) if single => {
                format!("'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
            }
            _ => format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end - 1),
        }
    } else {
        let ch =
            object.downcast::<PyStr>().filter(|s| (start as usize) < s.char_len()).map(|s| s.char_at(start as usize));
        let what =
            if kind == "encode" { format!("'{encoding}' codec can't encode") } else { "can't translate".to_string() };
        match ch {
            Some(c) if single => {
                let code = c as u32;
                let escaped = if code <= 0xff {
                    format!("\\x{code:02x}")
                } else if code <= 0xffff {
                    format!("\\u{code:04x}")
                } else {
                    format!("\\U{code:08x}")
                };
                format!("{what} character '{escaped}' in position {start}: {reason}")
            }
            _ => format!("{what} characters in position {start}-{}: {reason}", end - 1),
        }
    };
    Ok(Some(text))
}

/// The OSError subclass CPython picks for an errno (`OSError(2, ...)` is a
/// FileNotFoundError).
fn os_error_subclass(vm: &Vm, errno: i64) -> Option<Gc<PyType>> {
    let e = &vm.exceptions;
    Some(match errno as i32 {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => e.blocking_io_error,
        libc::ECHILD => e.child_process_error,
        libc::EPIPE | libc::ESHUTDOWN => e.broken_pipe_error,
        libc::ECONNABORTED => e.connection_aborted_error,
        libc::ECONNREFUSED => e.connection_refused_error,
        libc::ECONNRESET => e.connection_reset_error,
        libc::EEXIST => e.file_exists_error,
        libc::ENOENT => e.file_not_found_error,
        libc::EISDIR => e.is_a_directory_error,
        libc::ENOTDIR => e.not_a_directory_error,
        libc::EINTR => e.interrupted_error,
        libc::EACCES | libc::EPERM => e.permission_error,
        libc::ESRCH => e.process_lookup_error,
        libc::ETIMEDOUT => e.timeout_error,
        _ => return None,
    })
}

fn syntax_error_str(vm: &mut Vm, this: Value, items: &[Value]) -> PyResult {
    let msg = match protocol::attr::getattr_opt(vm, this, "msg")? {
        Some(m) if !vm.is_none(m) => protocol::object::str(vm, m)?.as_str().to_string(),
        _ => match items.first() {
            Some(&m) => protocol::object::str(vm, m)?.as_str().to_string(),
            None => return Ok(vm.singletons.empty_str),
        },
    };
    let filename = protocol::attr::getattr_opt(vm, this, "filename")?.and_then(|f| f.downcast::<PyStr>());
    let lineno = protocol::attr::getattr_opt(vm, this, "lineno")?.and_then(|l| l.as_small_int());
    let file = filename.map(|f| {
        let f = f.as_str();
        f.rsplit('/').next().unwrap_or(f).to_string()
    });
    let text = match (file, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    };
    Ok(vm.new_str(&text))
}

fn exc_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let e = this_exc(vm, this)?;
    let name = vm.class_of(this).name().to_string();
    let items: Vec<Value> = e.args_tuple().map(|t| t.as_slice().to_vec()).unwrap_or_default();
    let inner = if items.len() == 1 {
        protocol::object::repr(vm, items[0])?.as_str().to_string()
    } else {
        let r = protocol::object::repr(vm, e.args.get())?;
        let s = r.as_str();
        if items.is_empty() {
            String::new()
        } else {
            s[1..s.len() - 1].to_string()
        }
    };
    let text = format!("{name}({inner})");
    Ok(vm.new_str(&text))
}
