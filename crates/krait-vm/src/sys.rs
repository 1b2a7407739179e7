//! The `sys` module (CPython: `Python/sysmodule.c`).
//!
//! Most of `sys` is data read from the `Vm` and its configuration when the
//! module is created (`argv`, `path`, `executable`), or fixed facts about
//! this implementation (`version_info`, `maxsize`, `float_info`). The
//! struct sequences (`version_info`, `flags`, `hash_info`, `float_info`,
//! `int_info`) are built with `structseq`. `sys.modules` *is*
//! `vm.modules`, so imports and the program see the same dict.
//! `sys._getframe` and the hooks (`excepthook`, `displayhook`) belong to the
//! core and are added there.

use crate::error::{PyErr, PyResult};
use crate::import::NativeModuleDef;
use crate::native::{Args, MethodDef, Signature};
use crate::object::{Gc, LayoutKind};
use crate::protocol::{attr, call, number, object};
use crate::structseq::{new_structseq, new_structseq_type, StructSeqDesc};
use crate::types::dict::PyDict;
use crate::types::module::PyModule;
use crate::types::str::PyStr;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::{dict_set_str, PyType};
use crate::value::Value;
use crate::vm::Vm;

/// The CPython version Krait implements.
pub const VERSION_INFO: (i64, i64, i64) = (3, 11, 7);
/// `sys.hexversion` for 3.11.7 final.
pub const HEXVERSION: i64 = 0x030B07F0;

pub static SYS: NativeModuleDef = NativeModuleDef {
    name: "sys",
    doc: "This module provides access to some objects used or maintained by the\n\
          interpreter and to functions that interact strongly with the interpreter.",
    methods: &[
        MethodDef::function("exit", sys_exit),
        MethodDef::function("displayhook", sys_displayhook),
        MethodDef::function("excepthook", sys_excepthook),
        MethodDef::function("getrecursionlimit", sys_getrecursionlimit),
        MethodDef::function("setrecursionlimit", sys_setrecursionlimit),
        MethodDef::function("intern", sys_intern),
        MethodDef::function("_getframe", sys_getframe),
        MethodDef::function("getsizeof", sys_getsizeof),
        MethodDef::function("exc_info", sys_exc_info),
        MethodDef::function("exception", sys_exception),
        MethodDef::function("getdefaultencoding", sys_getdefaultencoding),
        MethodDef::function("getfilesystemencoding", sys_getdefaultencoding),
        MethodDef::function("getfilesystemencodeerrors", |vm, args| {
            args.exact::<0>(vm, "getfilesystemencodeerrors")?;
            Ok(vm.intern("surrogateescape"))
        }),
        MethodDef::function("get_int_max_str_digits", sys_get_int_max_str_digits),
        MethodDef::function("set_int_max_str_digits", sys_set_int_max_str_digits),
        MethodDef::function("getrefcount", |vm, args| {
            args.exact::<1>(vm, "getrefcount")?;
            // No reference counts: report what CPython shows for an object
            // held by one variable.
            Ok(Value::from_small(2))
        }),
    ],
    init: Some(sys_init),
};

static VERSION_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "version_info",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    n_sequence_fields: 5,
    doc: "sys.version_info\n\nVersion information as a named tuple.",
};

static FLAGS_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "flags",
    fields: &[
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ],
    n_sequence_fields: 18,
    doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
};

static HASH_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "hash_info",
    fields: &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
    n_sequence_fields: 9,
    doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes.",
};

static FLOAT_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "float_info",
    fields: &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ],
    n_sequence_fields: 11,
    doc: "sys.float_info\n\nA named tuple holding information about the float type.",
};

static INT_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "int_info",
    fields: &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    n_sequence_fields: 4,
    doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.",
};

fn str_list(vm: &mut Vm, items: &[String]) -> Value {
    let list = crate::rooted::RootedVec::new(vm);
    for item in items {
        let s = vm.new_str(item);
        list.push(vm, s);
    }
    list.list().value()
}

fn sys_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let argv = vm.config.argv.clone();
    let argv = str_list(vm, &argv);
    module.set_attr(vm, "argv", argv);
    let orig_argv = vm.config.argv.clone();
    let orig_argv = str_list(vm, &orig_argv);
    module.set_attr(vm, "orig_argv", orig_argv);
    let path = vm.config.path.clone();
    let path = str_list(vm, &path);
    module.set_attr(vm, "path", path);
    let modules = vm.modules.value();
    module.set_attr(vm, "modules", modules);
    let executable = vm.config.executable.clone();
    let executable = vm.new_str(&executable);
    module.set_attr(vm, "executable", executable);
    module.set_attr(vm, "_base_executable", executable);

    let (major, minor, micro) = VERSION_INFO;
    let version = format!("{major}.{minor}.{micro} (main, krait {}) [Rust]", env!("CARGO_PKG_VERSION"));
    let version = vm.new_str(&version);
    module.set_attr(vm, "version", version);
    let version_info_type = new_structseq_type(vm, &VERSION_INFO_DESC)?;
    let final_ = vm.intern("final");
    let version_info = new_structseq(
        vm,
        version_info_type,
        &[Value::from_small(major), Value::from_small(minor), Value::from_small(micro), final_, Value::from_small(0)],
    )?;
    module.set_attr(vm, "version_info", version_info);
    module.set_attr(vm, "hexversion", Value::from_small(HEXVERSION));
    module.set_attr(vm, "api_version", Value::from_small(1013));
    // The originals, for code that restores the hooks.
    for (original, hook) in [("__excepthook__", "excepthook"), ("__displayhook__", "displayhook")] {
        if let Some(function) = module.get_attr(vm, hook) {
            module.set_attr(vm, original, function);
        }
    }

    let implementation = new_namespace(vm)?;
    let name = vm.intern("krait");
    attr_set(vm, implementation, "name", name)?;
    let none = vm.none();
    attr_set(vm, implementation, "cache_tag", none)?;
    attr_set(vm, implementation, "version", version_info)?;
    attr_set(vm, implementation, "hexversion", Value::from_small(HEXVERSION))?;
    module.set_attr(vm, "implementation", implementation);

    let maxsize = vm.new_int(i64::MAX);
    module.set_attr(vm, "maxsize", maxsize);
    module.set_attr(vm, "maxunicode", Value::from_small(0x10FFFF));
    let byteorder = vm.intern(if cfg!(target_endian = "little") { "little" } else { "big" });
    module.set_attr(vm, "byteorder", byteorder);
    let platform = vm.intern(if cfg!(target_os = "macos") { "darwin" } else { "linux" });
    module.set_attr(vm, "platform", platform);
    let prefix = vm.intern("/usr/local");
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        module.set_attr(vm, name, prefix);
    }
    let platlibdir = vm.intern("lib");
    module.set_attr(vm, "platlibdir", platlibdir);
    let empty = vm.singletons.empty_str;
    module.set_attr(vm, "abiflags", empty);
    let float_repr_style = vm.intern("short");
    module.set_attr(vm, "float_repr_style", float_repr_style);
    let true_ = vm.bool_value(true);
    module.set_attr(vm, "dont_write_bytecode", true_);
    let pycache_prefix = vm.none();
    module.set_attr(vm, "pycache_prefix", pycache_prefix);

    set_builtin_module_names(vm, module);

    for name in ["warnoptions", "meta_path", "path_hooks"] {
        let list = crate::types::list::new_list(vm, &[]);
        module.set_attr(vm, name, list);
    }
    for name in ["_xoptions", "path_importer_cache"] {
        let dict = PyDict::new(vm);
        module.set_attr(vm, name, dict.value());
    }

    let flags_type = new_structseq_type(vm, &FLAGS_DESC)?;
    let false_ = vm.bool_value(false);
    let zero = Value::from_small(0);
    let one = Value::from_small(1);
    let hash_randomization = if vm.config.hash_seed == Some(0) { zero } else { one };
    let flags = new_structseq(
        vm,
        flags_type,
        &[
            zero,
            zero,
            zero,
            zero,
            one,
            zero,
            zero,
            zero,
            zero,
            zero,
            zero,
            hash_randomization,
            zero,
            false_,
            zero,
            zero,
            false_,
            Value::from_small(-1),
        ],
    )?;
    module.set_attr(vm, "flags", flags);

    let hash_info_type = new_structseq_type(vm, &HASH_INFO_DESC)?;
    let algorithm = vm.intern("siphash13");
    let hash_info = new_structseq(
        vm,
        hash_info_type,
        &[
            Value::from_small(64),
            Value::from_small((1 << 61) - 1),
            Value::from_small(314159),
            zero,
            Value::from_small(1000003),
            algorithm,
            Value::from_small(64),
            Value::from_small(128),
            zero,
        ],
    )?;
    module.set_attr(vm, "hash_info", hash_info);

    let float_info_type = new_structseq_type(vm, &FLOAT_INFO_DESC)?;
    let max = vm.new_float(f64::MAX);
    let min = vm.new_float(f64::MIN_POSITIVE);
    let epsilon = vm.new_float(f64::EPSILON);
    let float_info = new_structseq(
        vm,
        float_info_type,
        &[
            max,
            Value::from_small(f64::MAX_EXP as i64),
            Value::from_small(f64::MAX_10_EXP as i64),
            min,
            Value::from_small(f64::MIN_EXP as i64),
            Value::from_small(f64::MIN_10_EXP as i64),
            Value::from_small(f64::DIGITS as i64),
            Value::from_small(f64::MANTISSA_DIGITS as i64),
            epsilon,
            Value::from_small(f64::RADIX as i64),
            one,
        ],
    )?;
    module.set_attr(vm, "float_info", float_info);

    let int_info_type = new_structseq_type(vm, &INT_INFO_DESC)?;
    let int_info = new_structseq(
        vm,
        int_info_type,
        &[Value::from_small(30), Value::from_small(4), Value::from_small(4300), Value::from_small(640)],
    )?;
    module.set_attr(vm, "int_info", int_info);

    let [stdin, stdout, stderr] = crate::stdio::create_std_streams(vm)?;
    for (name, stream) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        module.set_attr(vm, name, stream);
        module.set_attr(vm, &format!("__{name}__"), stream);
    }
    Ok(())
}

fn attr_set(vm: &mut Vm, obj: Value, name: &str, value: Value) -> PyResult<()> {
    let name = vm.intern(name).downcast::<PyStr>().expect("interned str");
    attr::setattr(vm, obj, name, value)
}

// ---- types.SimpleNamespace -------------------------------------------------------------------

/// A new, empty `types.SimpleNamespace` (the class of
/// `sys.implementation`; `types.py` takes it from there, as CPython's does).
fn new_namespace(vm: &mut Vm) -> PyResult<Value> {
    let name = vm.new_str("SimpleNamespace");
    let bases = new_tuple(vm, &[vm.types.object.value()]);
    let namespace = PyDict::new(vm);
    let module = vm.intern("types");
    dict_set_str(vm, namespace, "__module__", module);
    let type_value = vm.types.type_.value();
    let class = call::call(vm, type_value, &[name, bases, namespace.value()])?;
    let ty = class.downcast::<PyType>().expect("type() returns a type");
    crate::structseq::add_heap_type_methods(vm, ty, NAMESPACE_METHODS)?;
    call::call(vm, class, &[])
}

static NAMESPACE_METHODS: &[MethodDef] = &[
    MethodDef::method("__init__", namespace_init),
    MethodDef::method("__repr__", namespace_repr),
    MethodDef::method("__eq__", namespace_eq),
];

fn namespace_dict(vm: &mut Vm, obj: Value) -> PyResult<Gc<PyDict>> {
    let dict = attr::getattr_str(vm, obj, "__dict__")?;
    match dict.downcast::<PyDict>() {
        Some(dict) => Ok(dict),
        None => Err(vm.type_error("SimpleNamespace without a __dict__")),
    }
}

/// `SimpleNamespace(mapping_or_iterable=(), /, **kwargs)` (3.11: kwargs only).
fn namespace_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let positional = args.positional();
    if positional.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    for (name, value) in args.kwargs() {
        attr::setattr(vm, this, name, value)?;
    }
    Ok(vm.none())
}

fn namespace_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let ty = vm.class_of(this);
    let name = if ty.has_flag(crate::types::typeobject::flags::HEAPTYPE) && &*ty.name() != "SimpleNamespace" {
        ty.name().to_string()
    } else {
        "namespace".to_string()
    };
    let dict = namespace_dict(vm, this)?;
    let mut text = format!("{name}(");
    for (i, (key, value)) in dict.items().into_iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        if let Some(key) = key.downcast::<PyStr>() {
            text.push_str(key.as_str());
        }
        text.push('=');
        let value = object::repr(vm, value)?;
        text.push_str(value.as_str());
    }
    text.push(')');
    Ok(vm.new_str(&text))
}

fn namespace_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__eq__")?;
    let ty = vm.class_of(this);
    if !vm.is_instance(other, ty) {
        return Ok(vm.not_implemented());
    }
    let a = namespace_dict(vm, this)?;
    let b = namespace_dict(vm, other)?;
    let equal = crate::protocol::compare::eq(vm, a.value(), b.value())?;
    Ok(vm.bool_value(equal))
}

// ---- functions ---------------------------------------------------------------------------------

/// `sys.exit([status])`: raise `SystemExit(status)`.
fn sys_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "exit", 0, 1)?;
    let ty = vm.exceptions.system_exit;
    // As `PyErr_SetObject(PyExc_SystemExit, arg)`: a tuple is the args.
    let exception = match positional.first().and_then(|a| a.downcast::<crate::types::tuple::PyTuple>()) {
        Some(tuple) => {
            let items = tuple.as_slice().to_vec();
            crate::types::exception::new_exception(vm, ty, &items)
        }
        None => crate::types::exception::new_exception(vm, ty, positional),
    };
    Err(PyErr::from_exception(exception))
}

/// `sys.displayhook(value)`: print `repr(value)` and keep it as `builtins._`.
fn sys_displayhook(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [value] = args.exact::<1>(vm, "displayhook")?;
    if vm.is_none(value) {
        return Ok(vm.none());
    }
    let builtins = vm.builtins_module;
    let underscore = vm.intern("_").downcast::<crate::types::str::PyStr>().expect("str");
    let none = vm.none();
    crate::protocol::attr::setattr(vm, builtins, underscore, none)?;
    let text = crate::protocol::object::repr(vm, value)?;
    let stdout = crate::stdio::sys_stream(vm, "stdout")?;
    let line = vm.new_str(&format!("{}\n", text.as_str()));
    crate::protocol::call::call_method(vm, stdout, "write", &[line])?;
    crate::protocol::attr::setattr(vm, builtins, underscore, value)?;
    Ok(vm.none())
}

/// `sys.excepthook(type, value, traceback)`: print the exception as an
/// uncaught one is printed (with `value`'s own traceback and chain) to
/// `sys.stderr`.
fn sys_excepthook(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [_type, value, _traceback] = args.exact::<3>(vm, "excepthook")?;
    let text = if value.downcast::<crate::types::exception::PyBaseException>().is_some() {
        crate::toplevel::format_exception(vm, value)
    } else {
        format!("TypeError: print_exception(): Exception expected for value, {} found\n", vm.type_name(value))
    };
    let stderr = crate::stdio::sys_stream(vm, "stderr")?;
    let text = vm.new_str(&text);
    crate::protocol::call::call_method(vm, stderr, "write", &[text])?;
    Ok(vm.none())
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "getrecursionlimit")?;
    Ok(vm.new_int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [limit] = args.exact::<1>(vm, "setrecursionlimit")?;
    if vm.is_instance(limit, vm.types.float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let limit = number::to_i64(vm, limit)?;
    if limit < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if limit > i32::MAX as i64 {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    vm.recursion_limit = limit as usize;
    Ok(vm.none())
}

/// `sys._getframe([depth])`: the frame object `depth` calls below the top.
fn sys_getframe(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "_getframe", 0, 1)?;
    args.no_kwargs(vm, "_getframe")?;
    let depth = match values.first() {
        Some(&d) => crate::protocol::number::to_i64(vm, d)?,
        None => 0,
    };
    let frames = vm.thread.frames.len() as i64;
    if depth < 0 || depth >= frames {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    Ok(crate::types::traceback::frame_object(vm, (frames - 1 - depth) as usize).value())
}

fn sys_intern(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>(vm, "intern")?;
    match s.downcast::<PyStr>() {
        Some(text) if vm.is_exact(s, vm.types.str) => Ok(vm.intern_value(text)),
        Some(_) => Err(vm.type_error("can't intern str")),
        None => {
            let name = vm.type_name(s);
            Err(vm.type_error(format!("intern() argument must be str, not {name}")))
        }
    }
}

/// `sys.getsizeof(object[, default])`: CPython's sizes for the common
/// builtin types (a 64-bit build), `__sizeof__` for the rest.
fn sys_getsizeof(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "getsizeof",
        params: &["object", "default"],
        positional_only: 0,
        keyword_only: 2,
        required: 1,
    };
    let total = args.all().len();
    if total > 2 {
        return Err(vm.type_error(format!("getsizeof() takes at most 2 arguments ({total} given)")));
    }
    let [obj, default] = args.bind::<2>(vm, &SIG)?;
    if let Some(size) = builtin_size(vm, obj) {
        return Ok(vm.new_int(size as i64));
    }
    let class = vm.class_of(obj);
    match class.lookup_str(vm, "__sizeof__") {
        Some(method) => match call::call(vm, method, &[obj]) {
            Ok(size) => {
                let size = number::to_i64(vm, size)?;
                if size < 0 {
                    return Err(vm.value_error("__sizeof__() should return >= 0"));
                }
                // CPython adds the GC header of tracked objects.
                Ok(vm.new_int(size + 16))
            }
            Err(err) if !default.is_null() && vm.error_matches(err, vm.exceptions.type_error) => Ok(default),
            Err(err) => Err(err),
        },
        None if !default.is_null() => Ok(default),
        None => {
            let size = obj.header().map_or(28, |h| h.layout().alloc_size());
            Ok(vm.new_int(size as i64))
        }
    }
}

/// CPython 3.11's `sys.getsizeof` for exact instances of the core types.
fn builtin_size(vm: &mut Vm, obj: Value) -> Option<usize> {
    if let Some(i) = obj.as_small_int() {
        let bits = 64 - i.unsigned_abs().leading_zeros() as usize;
        return Some(24 + 4 * bits.div_ceil(30).max(1));
    }
    let class = vm.class_of(obj);
    if class != vm.types.int && vm.types.all().contains(&class) {
        let header = obj.header()?;
        return match header.kind() {
            LayoutKind::Str => {
                let s = obj.downcast::<PyStr>()?;
                let max = s.as_str().chars().map(|c| c as u32).max().unwrap_or(0);
                let (base, width) = match max {
                    0..=0x7F => (49, 1),
                    0x80..=0xFF => (73, 1),
                    0x100..=0xFFFF => (74, 2),
                    _ => (76, 4),
                };
                Some(base + width * s.char_len())
            }
            LayoutKind::Float => Some(24),
            LayoutKind::Tuple => Some(40 + 8 * obj.downcast::<PyTuple>()?.len()),
            LayoutKind::List => Some(56 + 8 * obj.downcast::<crate::types::list::PyList>()?.len()),
            LayoutKind::Dict => {
                // The dict, then its keys object: a header, the index
                // table and the entries (2/3 of the table is usable).
                let len = obj.downcast::<PyDict>()?.len();
                if len == 0 {
                    return Some(64);
                }
                let mut table = 8usize;
                while table * 2 / 3 < len {
                    table *= 2;
                }
                let index_width = if table <= 128 {
                    1
                } else if table <= 32768 {
                    2
                } else {
                    4
                };
                Some(64 + 32 + table * index_width + table * 2 / 3 * 24)
            }
            LayoutKind::Singleton | LayoutKind::Object => Some(16),
            _ => None,
        };
    }
    if class == vm.types.int {
        let big = crate::types::int::as_bigint(obj)?;
        let digits = (big.bits() as usize).div_ceil(30).max(1);
        return Some(24 + 4 * digits);
    }
    None
}

fn current_exception(vm: &Vm) -> Value {
    vm.topmost_handled_exception()
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being
/// handled, or three Nones.
fn sys_exc_info(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "exc_info")?;
    let exception = current_exception(vm);
    if exception.is_null() || vm.is_none(exception) {
        let none = vm.none();
        return Ok(new_tuple(vm, &[none, none, none]));
    }
    let ty = vm.class_of(exception).value();
    let traceback = attr::getattr_opt(vm, exception, "__traceback__")?.unwrap_or(vm.none());
    Ok(new_tuple(vm, &[ty, exception, traceback]))
}

/// `sys.exception()`: the exception being handled, or None.
fn sys_exception(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "exception")?;
    let exception = current_exception(vm);
    if exception.is_null() {
        return Ok(vm.none());
    }
    Ok(exception)
}

fn sys_getdefaultencoding(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "getdefaultencoding")?;
    Ok(vm.intern("utf-8"))
}

fn sys_get_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "get_int_max_str_digits")?;
    Ok(vm.new_int(vm.int_max_str_digits as i64))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "set_int_max_str_digits",
        params: &["maxdigits"],
        positional_only: 0,
        keyword_only: 1,
        required: 1,
    };
    let [maxdigits] = args.bind::<1>(vm, &SIG)?;
    let maxdigits = number::to_i64(vm, maxdigits)?;
    if maxdigits != 0 && maxdigits < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = maxdigits as usize;
    Ok(vm.none())
}

/// `sys.builtin_module_names`: `builtins`, `sys` and every registered
/// native module. Registering a module after `sys` exists refreshes it.
pub(crate) fn set_builtin_module_names(vm: &mut Vm, module: Gc<PyModule>) {
    let mut builtin_names: Vec<&'static str> = vm.native_modules.keys().copied().collect();
    builtin_names.extend(["builtins", "sys"]);
    builtin_names.sort_unstable();
    builtin_names.dedup();
    let names = crate::rooted::RootedVec::new(vm);
    for name in builtin_names {
        let name = vm.intern(name);
        names.push(vm, name);
    }
    let builtin_module_names = crate::types::tuple::tuple_from_vec(vm, names.to_vec());
    module.set_attr(vm, "builtin_module_names", builtin_module_names);
}
