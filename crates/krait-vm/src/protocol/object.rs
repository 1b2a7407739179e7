//! `repr`, `str`, `ascii`, truth, `isinstance`/`issubclass` and `format`
//! (CPython's `Objects/object.c` and `abstract.c`).

use crate::error::PyResult;
use crate::object::Gc;
use crate::protocol::{attr, call};
use crate::types::dict::PyDict;
use crate::types::list::PyList;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobject::{is_subtype, PyType};
use crate::value::Value;
use crate::vm::Vm;

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<Gc<PyStr>> {
    if let Some(i) = v.as_small_int() {
        let text = i.to_string();
        return Ok(vm.new_str(&text).downcast::<PyStr>().expect("str"));
    }
    vm.check_native_stack()?;
    let cls = vm.class_of(v);
    let method = cls.lookup(vm, vm.names.repr);
    let result = match method {
        Some(m) => vm.with_recursion(" while getting the repr of an object", |vm| call::call(vm, m, &[v]))?,
        None => return Ok(vm.new_str("<object>").downcast::<PyStr>().expect("str")),
    };
    match result.downcast::<PyStr>() {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(result);
            Err(vm.type_error(format!("__repr__ returned non-string (type {tn})")))
        }
    }
}

/// `str(v)`.
pub fn str(vm: &mut Vm, v: Value) -> PyResult<Gc<PyStr>> {
    if vm.is_exact(v, vm.types.str) {
        return Ok(v.downcast::<PyStr>().expect("str"));
    }
    if v.is_small_int() {
        return repr(vm, v);
    }
    vm.check_native_stack()?;
    let cls = vm.class_of(v);
    let result = match cls.lookup(vm, vm.names.str) {
        Some(m) => call::call(vm, m, &[v])?,
        None => return repr(vm, v),
    };
    match result.downcast::<PyStr>() {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(result);
            Err(vm.type_error(format!("__str__ returned non-string (type {tn})")))
        }
    }
}

/// `ascii(v)`: `repr` with non-ASCII characters escaped.
pub fn ascii(vm: &mut Vm, v: Value) -> PyResult<Gc<PyStr>> {
    let r = repr(vm, v)?;
    if r.is_ascii() {
        return Ok(r);
    }
    let mut out = String::with_capacity(r.as_str().len());
    for c in r.as_str().chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(c);
        } else if code <= 0xff {
            out.push_str(&format!("\\x{code:02x}"));
        } else if code <= 0xffff {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push_str(&format!("\\U{code:08x}"));
        }
    }
    Ok(vm.new_str(&out).downcast::<PyStr>().expect("str"))
}

/// The truth value of `v` (`bool(v)`).
pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if v.is(vm.singletons.true_) {
        return Ok(true);
    }
    if v.is(vm.singletons.false_) || v.is(vm.singletons.none) {
        return Ok(false);
    }
    let cls = vm.class_of(v);
    if cls == vm.types.str {
        return Ok(v.downcast::<PyStr>().expect("str").char_len() > 0);
    }
    if cls == vm.types.list {
        return Ok(!v.downcast::<PyList>().expect("list").is_empty());
    }
    if cls == vm.types.tuple {
        return Ok(!v.downcast::<PyTuple>().expect("tuple").is_empty());
    }
    if cls == vm.types.dict {
        return Ok(!v.downcast::<PyDict>().expect("dict").is_empty());
    }
    if cls == vm.types.float {
        return Ok(crate::types::float::as_f64(v).expect("float") != 0.0);
    }
    if let Some(method) = cls.lookup(vm, vm.names.bool_) {
        if vm.is_none(method) {
            let tn = cls.name().to_string();
            return Err(vm.type_error(format!("'{tn}' object is not callable")));
        }
        let result = call::call(vm, method, &[v])?;
        if result.is(vm.singletons.true_) {
            return Ok(true);
        }
        if result.is(vm.singletons.false_) {
            return Ok(false);
        }
        let tn = vm.type_name(result);
        return Err(vm.type_error(format!("__bool__ should return bool, returned {tn}")));
    }
    if let Some(method) = cls.lookup(vm, vm.names.len) {
        let result = call::call(vm, method, &[v])?;
        let n = crate::protocol::sequence::len_result(vm, result)?;
        return Ok(n > 0);
    }
    Ok(true)
}

/// `isinstance(obj, cls)` with `__instancecheck__`, tuples and unions.
pub fn isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    if let Some(ty) = cls.downcast::<PyType>() {
        if vm.is_exact(cls, vm.types.type_) || vm.class_of(cls) == vm.types.type_ {
            return recursive_isinstance(vm, obj, ty);
        }
    }
    if let Some(tuple) = cls.downcast::<PyTuple>() {
        vm.check_native_stack()?;
        for &item in tuple.as_slice() {
            if isinstance(vm, obj, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = attr::lookup_special(vm, cls, "__instancecheck__") {
        let result = call::call(vm, check, &[cls, obj])?;
        return truthy(vm, result);
    }
    Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
}

/// `isinstance` by the class and `__class__` alone.
pub fn recursive_isinstance(vm: &mut Vm, obj: Value, cls: Gc<PyType>) -> PyResult<bool> {
    if vm.is_instance(obj, cls) {
        return Ok(true);
    }
    // An object may claim another class through `__class__` (proxies).
    if let Some(claimed) = attr::getattr_opt(vm, obj, "__class__")? {
        if let Some(claimed) = claimed.downcast::<PyType>() {
            if claimed != vm.class_of(obj) {
                return Ok(is_subtype(claimed, cls));
            }
        }
    }
    Ok(false)
}

/// `issubclass(sub, cls)` with `__subclasscheck__` and tuples.
pub fn issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    if let Some(ty) = cls.downcast::<PyType>() {
        if vm.class_of(cls) == vm.types.type_ {
            return recursive_issubclass(vm, sub, ty.value());
        }
    }
    if let Some(tuple) = cls.downcast::<PyTuple>() {
        vm.check_native_stack()?;
        for &item in tuple.as_slice() {
            if issubclass(vm, sub, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = attr::lookup_special(vm, cls, "__subclasscheck__") {
        let result = call::call(vm, check, &[cls, sub])?;
        return truthy(vm, result);
    }
    Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
}

/// `issubclass` by the MRO (or `__bases__` for non-type classes).
pub fn recursive_issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    match (sub.downcast::<PyType>(), cls.downcast::<PyType>()) {
        (Some(s), Some(c)) => Ok(is_subtype(s, c)),
        (None, _) => Err(vm.type_error("issubclass() arg 1 must be a class")),
        (Some(_), None) => Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: Value) -> PyResult<Value> {
    let spec = if spec.is_null() { vm.singletons.empty_str } else { spec };
    if vm.is_exact(v, vm.types.str) && spec.downcast::<PyStr>().is_some_and(|s| s.as_str().is_empty()) {
        return Ok(v);
    }
    let cls = vm.class_of(v);
    let Some(method) = cls.lookup(vm, vm.names.format) else {
        let tn = cls.name().to_string();
        return Err(vm.type_error(format!("Type {tn} doesn't define __format__")));
    };
    let result = call::call(vm, method, &[v, spec])?;
    if result.downcast::<PyStr>().is_none() {
        let tn = vm.type_name(result);
        return Err(vm.type_error(format!("__format__ must return a str, not {tn}")));
    }
    Ok(result)
}
