//! The `_sre` module (CPython 3.11: `Modules/_sre/`): the regular
//! expression engine under `Lib/re/`.
//!
//! `re/_parser.py` and `re/_compiler.py` (CPython's own Python) turn a
//! pattern into a list of integer opcodes and call `_sre.compile`; this
//! module runs those lists. `engine.rs` is the matcher proper (no Python
//! objects); `pattern.rs` holds the `Pattern` and `SRE_Scanner` types,
//! `matchobj.rs` the `Match` type. Subjects are matched as slices of `u32`:
//! the code points of a `str`, the byte values of a bytes-like object.

mod constants;
pub mod engine;
mod matchobj;
mod pattern;

use krait_vm::error::PyResult;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef};
use krait_vm::object::Gc;
use krait_vm::protocol::number;
use krait_vm::types::bytes::as_buffer;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::new_native_type;
use krait_vm::types::str::PyStr;
use krait_vm::types::typeobject::PyType;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

use constants::{CODESIZE, MAGIC, MAXGROUPS, MAXREPEAT};

pub static SRE: NativeModuleDef = NativeModuleDef {
    name: "_sre",
    doc: "",
    methods: &[
        MethodDef::function("compile", pattern::sre_compile),
        MethodDef::function("getcodesize", sre_getcodesize),
        MethodDef::function("ascii_iscased", sre_ascii_iscased),
        MethodDef::function("unicode_iscased", sre_unicode_iscased),
        MethodDef::function("ascii_tolower", sre_ascii_tolower),
        MethodDef::function("unicode_tolower", sre_unicode_tolower),
    ],
    init: Some(sre_init),
};

/// The module's types. They are attributes of `_sre` (CPython keeps them
/// in its module state instead; `re` exports `Pattern` and `Match`).
pub(crate) fn sre_type(vm: &mut Vm, name: &str) -> PyResult<Gc<PyType>> {
    crate::util::module_type(vm, "_sre", name)
}

fn sre_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let pattern = new_native_type(vm, &pattern::PATTERN_SPEC, None, "re").value();
    module.set_attr(vm, "Pattern", pattern);
    let match_type = new_native_type(vm, &matchobj::MATCH_SPEC, None, "re").value();
    module.set_attr(vm, "Match", match_type);
    let scanner = new_native_type(vm, &pattern::SCANNER_SPEC, None, "_sre").value();
    module.set_attr(vm, "SRE_Scanner", scanner);
    module.set_attr(vm, "MAGIC", Value::from_small(MAGIC));
    module.set_attr(vm, "CODESIZE", Value::from_small(CODESIZE));
    let maxrepeat = vm.new_int(MAXREPEAT as i64);
    module.set_attr(vm, "MAXREPEAT", maxrepeat);
    module.set_attr(vm, "MAXGROUPS", Value::from_small(MAXGROUPS));
    let copyright = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    module.set_attr(vm, "copyright", copyright);
    Ok(())
}

fn sre_getcodesize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "getcodesize")?;
    Ok(Value::from_small(CODESIZE))
}

fn char_arg(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<u32> {
    let [ch] = args.exact::<1>(vm, name)?;
    let n = number::to_i64(vm, ch)?;
    Ok(n as u32)
}

fn sre_ascii_iscased(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ch = char_arg(vm, args, "ascii_iscased")?;
    Ok(vm.bool_value(ch < 128 && (ch as u8).is_ascii_alphabetic()))
}

fn sre_unicode_iscased(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ch = char_arg(vm, args, "unicode_iscased")?;
    let cased = ch != engine::lower_unicode(ch) || ch != engine::upper_unicode(ch);
    Ok(vm.bool_value(cased))
}

fn sre_ascii_tolower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ch = char_arg(vm, args, "ascii_tolower")?;
    Ok(vm.new_int(engine::lower_ascii(ch) as i64))
}

fn sre_unicode_tolower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ch = char_arg(vm, args, "unicode_tolower")?;
    Ok(vm.new_int(engine::lower_unicode(ch) as i64))
}

/// The subject of a match as `u32`s, checked against the pattern's kind
/// (CPython's `getstring` and the checks of `state_init`).
pub(crate) fn subject_units(vm: &mut Vm, string: Value, pattern_is_bytes: bool) -> PyResult<Vec<u32>> {
    if let Some(s) = string.downcast::<PyStr>() {
        if pattern_is_bytes {
            return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
        }
        return Ok(s.as_str().chars().map(|c| c as u32).collect());
    }
    match as_buffer(string) {
        Some(data) => {
            if !pattern_is_bytes {
                return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
            }
            Ok(data.into_iter().map(u32::from).collect())
        }
        None => {
            let tn = vm.type_name(string);
            Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")))
        }
    }
}

/// `string[start:end]` as CPython's `getslice`: a `str` for any str,
/// `bytes` for any bytes-like subject.
pub(crate) fn slice_subject(vm: &mut Vm, string: Value, start: usize, end: usize) -> PyResult {
    if let Some(s) = string.downcast::<PyStr>() {
        let text = s.substring(start, end).to_string();
        return Ok(vm.new_str(&text));
    }
    if let Some(b) = string.downcast::<krait_vm::types::bytes::PyBytes>() {
        let data = b.as_bytes()[start..end].to_vec();
        return Ok(krait_vm::types::bytes::new_bytes_vec(vm, data));
    }
    // Any other bytes-like subject gives bytes, as CPython's getslice.
    let data = as_buffer(string).unwrap_or_default();
    let data = data[start.min(data.len())..end.min(data.len())].to_vec();
    Ok(krait_vm::types::bytes::new_bytes_vec(vm, data))
}

/// Clamp `pos`/`endpos` to the subject as CPython's `state_init` does.
pub(crate) fn clamp_bounds(vm: &mut Vm, pos: Value, endpos: Value, len: usize) -> PyResult<(usize, usize)> {
    let read = |vm: &mut Vm, v: Value, default: i64| -> PyResult<i64> {
        if v.is_null() {
            Ok(default)
        } else {
            let i = number::to_index_isize(vm, v)?;
            Ok(i as i64)
        }
    };
    let start = read(vm, pos, 0)?.clamp(0, len as i64) as usize;
    let end = read(vm, endpos, isize::MAX as i64)?.clamp(0, len as i64) as usize;
    Ok((start, end))
}

/// Call `re.<name>(*args)` (the C module calls back into `re` for
/// template handling).
pub(crate) fn call_re(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult {
    let module = import_module(vm, "re")?;
    let function = krait_vm::protocol::attr::getattr_str(vm, module, name)?;
    krait_vm::protocol::call::call(vm, function, args)
}

fn import_module(vm: &mut Vm, name: &str) -> PyResult {
    let name = vm.intern(name).downcast::<PyStr>().expect("interned str");
    krait_vm::import::import_module_level(vm, name, Value::NULL, Value::NULL, 0)
}
