//! `hash()` (CPython's `PyObject_Hash`).

use crate::error::PyResult;
use crate::native::Args;
use crate::protocol::call;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

/// `hash(v)`.
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(crate::numeric::hash::hash_i64(i));
    }
    if vm.is_exact(v, vm.types.str) {
        return Ok(v.downcast::<PyStr>().expect("str").hash());
    }
    let cls = vm.class_of(v);
    let method = cls.lookup(vm, vm.names.hash);
    let Some(method) = method.filter(|m| !vm.is_none(*m)) else {
        return Err(unhashable_error(vm, v));
    };
    let result = call::call(vm, method, &[v])?;
    if let Some(i) = result.as_small_int() {
        return Ok(if i == -1 { -2 } else { i });
    }
    if !crate::types::int::is_int(result) {
        return Err(vm.type_error("__hash__ method should return an integer"));
    }
    // A result that fits a machine word is the hash (as a C `tp_hash`
    // returns it); a larger int is hashed again, as CPython does.
    match crate::types::int::to_i64(result) {
        Some(h) => Ok(if h == -1 { -2 } else { h }),
        None => Ok(crate::types::int::int_hash(result).unwrap_or(0)),
    }
}

fn unhashable_error(vm: &mut Vm, v: Value) -> crate::error::PyErr {
    let tn = vm.type_name(v);
    vm.type_error(format!("unhashable type: '{tn}'"))
}

/// The `__hash__` of unhashable builtin types.
pub fn unhashable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Err(unhashable_error(vm, args.this()))
}
