//! Builtins that look at objects: `isinstance`, `issubclass`, `callable`,
//! `getattr`, `setattr`, `hasattr`, `delattr`, `vars`, `dir`, `id`, `hash`,
//! `globals`, `locals` (CPython: `Python/bltinmodule.c`,
//! `Objects/abstract.c: PyObject_IsSubclass`).

use crate::error::PyResult;
use crate::native::Args;
use crate::object::Gc;
use crate::protocol::{attr, call, hash, iter, object};
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobject::{is_subtype, PyType};
use crate::value::Value;
use crate::vm::Vm;

/// Whether `v` can be called: its class has `__call__`.
pub(crate) fn is_callable(vm: &mut Vm, v: Value) -> bool {
    let class = vm.class_of(v);
    class.lookup_str(vm, "__call__").is_some()
}

/// `callable(obj)`.
pub(super) fn builtin_callable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>(vm, "callable")?;
    let result = is_callable(vm, obj);
    Ok(vm.bool_value(result))
}

/// `isinstance(obj, class_or_tuple)`.
pub(super) fn builtin_isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, class_or_tuple] = args.exact::<2>(vm, "isinstance")?;
    // An exact type match never consults `__instancecheck__` (CPython's
    // `object_isinstance` fast path).
    if vm.class_of(obj).value().is(class_or_tuple) {
        return Ok(vm.bool_value(true));
    }
    let result = object::isinstance(vm, obj, class_or_tuple)?;
    Ok(vm.bool_value(result))
}

/// `issubclass(cls, class_or_tuple)`.
pub(super) fn builtin_issubclass(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [derived, class_or_tuple] = args.exact::<2>(vm, "issubclass")?;
    let result = issubclass(vm, derived, class_or_tuple)?;
    Ok(vm.bool_value(result))
}

/// `types.UnionType` (`int | str`) is recognised by name: it belongs to
/// the core, and only its `__args__` matter here.
fn union_args(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let is_union = &*vm.class_of(v).name() == "UnionType";
    if !is_union {
        return Ok(None);
    }
    attr::getattr_opt(vm, v, "__args__")
}

/// `PyObject_IsSubclass`: the exact-type fast path, tuples and unions
/// (recursively), then `__subclasscheck__`, then the plain check.
pub(crate) fn issubclass(vm: &mut Vm, derived: Value, cls: Value) -> PyResult<bool> {
    if vm.is_exact(cls, vm.types.type_) {
        if let (Some(derived), Some(cls)) = (derived.downcast::<PyType>(), cls.downcast::<PyType>()) {
            return Ok(derived == cls || is_subtype(derived, cls));
        }
    }
    let cls = union_args(vm, cls)?.unwrap_or(cls);
    if let Some(tuple) = cls.downcast::<PyTuple>() {
        vm.check_native_stack()?;
        for i in 0..tuple.len() {
            if issubclass(vm, derived, tuple.get(i))? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let class = vm.class_of(cls);
    if let Some(check) = class.lookup_str(vm, "__subclasscheck__") {
        let result = call::call(vm, check, &[cls, derived])?;
        return object::truthy(vm, result);
    }
    let Some(derived) = derived.downcast::<PyType>() else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let Some(cls) = cls.downcast::<PyType>() else {
        return Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    };
    Ok(derived == cls || is_subtype(derived, cls))
}

/// The `name` argument of the attribute builtins.
fn attribute_name(vm: &mut Vm, name: Value) -> PyResult<Gc<PyStr>> {
    match name.downcast::<PyStr>() {
        Some(s) => Ok(s),
        None => {
            let type_name = vm.type_name(name);
            Err(vm.type_error(format!("attribute name must be string, not '{type_name}'")))
        }
    }
}

/// `getattr(object, name[, default])`.
pub(super) fn builtin_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "getattr", 2, 3)?;
    let (obj, name) = (positional[0], attribute_name(vm, positional[1])?);
    match positional.get(2) {
        None => attr::getattr(vm, obj, name),
        Some(&default) => match attr::getattr(vm, obj, name) {
            Err(err) if vm.error_matches(err, vm.exceptions.attribute_error) => Ok(default),
            other => other,
        },
    }
}

/// `hasattr(obj, name)`: whether `getattr` raises `AttributeError`.
pub(super) fn builtin_hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name] = args.exact::<2>(vm, "hasattr")?;
    let name = attribute_name(vm, name)?;
    match attr::getattr(vm, obj, name) {
        Ok(_) => Ok(vm.bool_value(true)),
        Err(err) if vm.error_matches(err, vm.exceptions.attribute_error) => Ok(vm.bool_value(false)),
        Err(err) => Err(err),
    }
}

/// `setattr(obj, name, value)`.
pub(super) fn builtin_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name, value] = args.exact::<3>(vm, "setattr")?;
    let name = attribute_name(vm, name)?;
    attr::setattr(vm, obj, name, value)?;
    Ok(vm.none())
}

/// `delattr(obj, name)`.
pub(super) fn builtin_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name] = args.exact::<2>(vm, "delattr")?;
    let name = attribute_name(vm, name)?;
    attr::delattr(vm, obj, name)?;
    Ok(vm.none())
}

/// `vars([object])`: `object.__dict__`, or the current locals.
pub(super) fn builtin_vars(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "vars", 0, 1)?;
    let Some(&obj) = positional.first() else {
        return crate::interp::current_locals(vm);
    };
    match attr::getattr_str(vm, obj, "__dict__") {
        Err(err) if vm.error_matches(err, vm.exceptions.attribute_error) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        other => other,
    }
}

/// `dir([object])`: the sorted names of the current scope, or the sorted
/// result of `type(object).__dir__(object)`.
pub(super) fn builtin_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "dir", 0, 1)?;
    let names = match positional.first() {
        None => {
            let locals = crate::interp::current_locals(vm)?;
            let keys = call::call_method(vm, locals, "keys", &[])?;
            iter::collect(vm, keys)?
        }
        Some(&obj) => {
            let class = vm.class_of(obj);
            let Some(dir_method) = class.lookup_str(vm, "__dir__") else {
                return Err(vm.type_error("object does not provide __dir__"));
            };
            let result = call::call(vm, dir_method, &[obj])?;
            iter::collect(vm, result)?
        }
    };
    crate::types::list::sort_list(vm, names, Value::NULL, false)?;
    Ok(names.value())
}

/// `id(obj)`: the object's address. A small int has no address; its
/// tagged word (odd, so never an address) serves as its identity.
pub(super) fn builtin_id(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>(vm, "id")?;
    Ok(vm.new_int(obj.to_bits() as i64))
}

/// `hash(obj)`.
pub(super) fn builtin_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>(vm, "hash")?;
    let h = hash::hash(vm, obj)?;
    Ok(vm.new_int(h))
}

/// `globals()`: the calling frame's globals.
pub(super) fn builtin_globals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "globals")?;
    match crate::interp::current_globals(vm) {
        Some(globals) => Ok(globals.value()),
        None => Ok(vm.none()),
    }
}

/// `locals()`: the calling frame's locals (a snapshot dict in functions).
pub(super) fn builtin_locals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "locals")?;
    crate::interp::current_locals(vm)
}
