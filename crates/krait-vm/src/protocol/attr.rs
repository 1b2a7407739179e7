//! Attribute access: `getattr`, `setattr`, `delattr` and method lookup, as
//! CPython's `PyObject_GenericGetAttr`, `type_getattro` and
//! `_PyObject_GetMethod`.
//!
//! The order is the language reference's: a data descriptor on the type
//! wins, then the instance's own attributes, then a non-data descriptor or
//! plain class attribute, then `__getattr__`. Types whose
//! `__getattribute__`/`__setattr__` is overridden in Python get a call to it.

use crate::error::{PyErr, PyResult};
use crate::map;
use crate::object::{Gc, LayoutKind};
use crate::protocol::call;
use crate::types::descriptor;
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::typeobject::PyType;
use crate::value::Value;
use crate::vm::Vm;

/// The name argument of getattr & co.: must be a str.
pub fn attr_name(vm: &mut Vm, name: Value) -> PyResult<Gc<PyStr>> {
    match name.downcast::<PyStr>() {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(name);
            Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
        }
    }
}

/// `getattr(obj, name)`.
pub fn getattr(vm: &mut Vm, obj: Value, name: Gc<PyStr>) -> PyResult {
    let cls = vm.class_of(obj);
    let getattribute = cls.lookup(vm, vm.names.getattribute);
    let result = match getattribute {
        Some(ga) if ga.is(vm.well_known.object_getattribute) => generic_getattr(vm, obj, name),
        Some(ga) if ga.is(vm.well_known.type_getattribute) => type_getattr(vm, obj, name),
        Some(ga) => call_descriptor_bound(vm, ga, obj, cls, &[name.value()]),
        None => generic_getattr(vm, obj, name),
    };
    match result {
        Err(err) if vm.error_matches(err, vm.exceptions.attribute_error) => match cls.lookup(vm, vm.names.getattr) {
            Some(hook) => call_descriptor_bound(vm, hook, obj, cls, &[name.value()]),
            None => Err(err),
        },
        other => other,
    }
}

/// `getattr(obj, "name")` for a Rust string.
pub fn getattr_str(vm: &mut Vm, obj: Value, name: &str) -> PyResult {
    let name = vm.intern(name).downcast::<PyStr>().expect("str");
    getattr(vm, obj, name)
}

/// `getattr(obj, name, None)` without the None: `Ok(None)` on AttributeError.
pub fn getattr_opt(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    match getattr_str(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(err) if vm.error_matches(err, vm.exceptions.attribute_error) => Ok(None),
        Err(err) => Err(err),
    }
}

/// Call a descriptor found on `cls` as a method bound to `obj`.
fn call_descriptor_bound(vm: &mut Vm, descr: Value, obj: Value, cls: Gc<PyType>, args: &[Value]) -> PyResult {
    let bound = call_descriptor_get(vm, descr, obj, cls.value())?;
    call::call(vm, bound, args)
}

/// `type(descr).__get__(descr, obj, owner)` if the descriptor has one, else
/// `descr` itself. `obj` NULL means access through the class.
pub fn call_descriptor_get(vm: &mut Vm, descr: Value, obj: Value, owner: Value) -> PyResult {
    if let Some(header) = descr.header() {
        match header.kind() {
            LayoutKind::Function => {
                if obj.is_null() || (vm.is_none(obj) && !owner.is_null() && !owner.is(vm.types.none_type.value())) {
                    return Ok(descr);
                }
                return Ok(descriptor::new_bound_method(vm, descr, obj));
            }
            LayoutKind::MethodDescriptor
            | LayoutKind::GetSet
            | LayoutKind::Property
            | LayoutKind::ClassMethod
            | LayoutKind::StaticMethod
            | LayoutKind::Member => {
                return descriptor::builtin_descriptor_get(vm, descr, obj, owner);
            }
            _ => {}
        }
    }
    let dcls = vm.class_of(descr);
    match dcls.lookup(vm, vm.names.get) {
        Some(get) => {
            let obj_arg = if obj.is_null() { vm.none() } else { obj };
            let owner_arg = if owner.is_null() { vm.class_of(obj).value() } else { owner };
            call::call(vm, get, &[descr, obj_arg, owner_arg])
        }
        None => Ok(descr),
    }
}

/// Whether a class attribute is a data descriptor (its type defines
/// `__set__` or `__delete__`).
fn is_data_descriptor(vm: &mut Vm, descr: Value) -> bool {
    if let Some(header) = descr.header() {
        match header.kind() {
            LayoutKind::GetSet | LayoutKind::Property | LayoutKind::Member => return true,
            LayoutKind::Function
            | LayoutKind::MethodDescriptor
            | LayoutKind::ClassMethod
            | LayoutKind::StaticMethod
            | LayoutKind::Str
            | LayoutKind::Int
            | LayoutKind::Tuple
            | LayoutKind::Dict
            | LayoutKind::List
                if header.attrs().is_none() =>
            {
                return false;
            }
            _ => {}
        }
    } else {
        return false;
    }
    let dcls = vm.class_of(descr);
    dcls.lookup(vm, vm.names.set).is_some() || dcls.lookup(vm, vm.names.delete).is_some()
}

fn has_get(vm: &mut Vm, descr: Value) -> bool {
    if let Some(header) = descr.header() {
        match header.kind() {
            LayoutKind::Function
            | LayoutKind::MethodDescriptor
            | LayoutKind::GetSet
            | LayoutKind::Property
            | LayoutKind::ClassMethod
            | LayoutKind::StaticMethod
            | LayoutKind::Member => return true,
            LayoutKind::Str | LayoutKind::Int | LayoutKind::Tuple | LayoutKind::Dict | LayoutKind::List
                if header.attrs().is_none() =>
            {
                return false
            }
            _ => {}
        }
    } else {
        return false;
    }
    let dcls = vm.class_of(descr);
    dcls.lookup(vm, vm.names.get).is_some()
}

/// `object.__getattribute__`.
pub fn generic_getattr(vm: &mut Vm, obj: Value, name: Gc<PyStr>) -> PyResult {
    let cls = vm.class_of(obj);
    let descr = cls.lookup(vm, name);
    if let Some(d) = descr {
        if is_data_descriptor(vm, d) {
            return call_descriptor_get(vm, d, obj, cls.value());
        }
    }
    if let Some(v) = instance_attr(obj, name) {
        return Ok(v);
    }
    if let Some(d) = descr {
        if has_get(vm, d) {
            return call_descriptor_get(vm, d, obj, cls.value());
        }
        return Ok(d);
    }
    Err(no_attribute(vm, obj, name))
}

/// An attribute stored in the object itself: its map or dict, or a
/// module's namespace.
#[inline]
pub fn instance_attr(obj: Value, name: Gc<PyStr>) -> Option<Value> {
    let header = obj.header()?;
    if let Some(attrs) = header.attrs() {
        return map::get(attrs, name);
    }
    if header.kind() == LayoutKind::Module {
        return obj.downcast::<crate::types::module::PyModule>()?.dict().get_str(name);
    }
    None
}

/// The AttributeError for a missing attribute.
pub fn no_attribute(vm: &mut Vm, obj: Value, name: Gc<PyStr>) -> PyErr {
    let err = if let Some(module) = obj.downcast::<crate::types::module::PyModule>() {
        let module_name = module.name(vm).unwrap_or_else(|| "?".to_string());
        vm.attribute_error(format!("module '{module_name}' has no attribute '{}'", name.as_str()))
    } else {
        let tn = vm.type_name(obj);
        vm.attribute_error(format!("'{tn}' object has no attribute '{}'", name.as_str()))
    };
    set_error_attrs(vm, err, obj, name);
    err
}

fn set_error_attrs(vm: &mut Vm, err: PyErr, obj: Value, name: Gc<PyStr>) {
    let exc = err.exception();
    let key = vm.intern("name").downcast::<PyStr>().expect("str");
    set_instance_attr(vm, exc, key, name.value());
    let key = vm.intern("obj").downcast::<PyStr>().expect("str");
    set_instance_attr(vm, exc, key, obj);
}

/// `type.__getattribute__`: attribute lookup on a class.
pub fn type_getattr(vm: &mut Vm, obj: Value, name: Gc<PyStr>) -> PyResult {
    let Some(ty) = obj.downcast::<PyType>() else {
        return generic_getattr(vm, obj, name);
    };
    let meta = vm.class_of(obj);
    let meta_attr = meta.lookup(vm, name);
    if let Some(d) = meta_attr {
        if is_data_descriptor(vm, d) {
            return call_descriptor_get(vm, d, obj, meta.value());
        }
    }
    if let Some(attr) = ty.lookup(vm, name) {
        if let Some(header) = attr.header() {
            match header.kind() {
                LayoutKind::Function => return Ok(attr),
                LayoutKind::Str | LayoutKind::Int | LayoutKind::Tuple | LayoutKind::Dict | LayoutKind::List
                    if header.attrs().is_none() =>
                {
                    return Ok(attr)
                }
                _ => {}
            }
            if has_get(vm, attr) {
                return call_descriptor_get(vm, attr, Value::NULL, obj);
            }
        }
        return Ok(attr);
    }
    if let Some(d) = meta_attr {
        if has_get(vm, d) {
            return call_descriptor_get(vm, d, obj, meta.value());
        }
        return Ok(d);
    }
    let type_name = ty.name().to_string();
    let err = vm.attribute_error(format!("type object '{type_name}' has no attribute '{}'", name.as_str()));
    set_error_attrs(vm, err, obj, name);
    Err(err)
}

/// The result of a method lookup for LOAD_METHOD.
pub enum Method {
    /// An unbound function found on the type: call it with `obj` first.
    Unbound(Value),
    /// Any other attribute value.
    Attribute(Value),
}

/// `_PyObject_GetMethod`: avoid creating a bound method for plain method calls.
pub fn load_method(vm: &mut Vm, obj: Value, name: Gc<PyStr>) -> PyResult<Method> {
    let cls = vm.class_of(obj);
    let getattribute = cls.lookup(vm, vm.names.getattribute);
    if getattribute.is_some_and(|ga| ga.is(vm.well_known.object_getattribute)) {
        if let Some(descr) = cls.lookup(vm, name) {
            let is_method = descr.has_kind(LayoutKind::Function) || descr.has_kind(LayoutKind::MethodDescriptor);
            if is_method {
                let shadowed = instance_attr(obj, name).is_some();
                if !shadowed {
                    return Ok(Method::Unbound(descr));
                }
            }
        }
    }
    getattr(vm, obj, name).map(Method::Attribute)
}

/// `setattr(obj, name, value)`; `value` NULL deletes.
pub fn setattr(vm: &mut Vm, obj: Value, name: Gc<PyStr>, value: Value) -> PyResult<()> {
    let cls = vm.class_of(obj);
    let hook_name = if value.is_null() { vm.names.delattr } else { vm.names.setattr };
    let hook = cls.lookup(vm, hook_name);
    match hook {
        Some(h) if h.is(vm.well_known.object_setattr) || h.is(vm.well_known.object_delattr) => {
            generic_setattr(vm, obj, name, value)
        }
        Some(h) if h.is(vm.well_known.type_setattr) || h.is(vm.well_known.type_delattr) => {
            type_setattr(vm, obj, name, value)
        }
        Some(h) => {
            let args: &[Value] = if value.is_null() { &[name.value()] } else { &[name.value(), value] };
            call_descriptor_bound(vm, h, obj, cls, args)?;
            Ok(())
        }
        None => generic_setattr(vm, obj, name, value),
    }
}

/// `delattr(obj, name)`.
pub fn delattr(vm: &mut Vm, obj: Value, name: Gc<PyStr>) -> PyResult<()> {
    setattr(vm, obj, name, Value::NULL)
}

/// `object.__setattr__` / `object.__delattr__` (NULL value).
pub fn generic_setattr(vm: &mut Vm, obj: Value, name: Gc<PyStr>, value: Value) -> PyResult<()> {
    let cls = vm.class_of(obj);
    if let Some(descr) = cls.lookup(vm, name) {
        if let Some(result) = descriptor_set(vm, descr, obj, value)? {
            return Ok(result);
        }
    }
    if let Some(module) = obj.downcast::<crate::types::module::PyModule>() {
        if obj.header().and_then(|h| h.attrs()).is_none() {
            let dict = module.dict();
            if value.is_null() {
                if dict.del_str(name).is_none() {
                    return Err(no_attribute(vm, obj, name));
                }
            } else {
                let name = vm.intern_value(name).downcast::<PyStr>().expect("str");
                dict.set_str(vm, name, value);
            }
            return Ok(());
        }
    }
    let Some(attrs) = obj.header().and_then(|h| h.attrs()) else {
        let tn = vm.type_name(obj);
        if cls.lookup(vm, name).is_some() {
            return Err(vm.attribute_error(format!("'{tn}' object attribute '{}' is read-only", name.as_str())));
        }
        return Err(vm.attribute_error(format!("'{tn}' object has no attribute '{}'", name.as_str())));
    };
    if value.is_null() {
        if !map::delete(vm, attrs, name) {
            return Err(no_attribute(vm, obj, name));
        }
        return Ok(());
    }
    if cls.has_flag(crate::types::typeobject::flags::NO_DICT) {
        let tn = vm.type_name(obj);
        return Err(vm.attribute_error(format!("'{tn}' object has no attribute '{}'", name.as_str())));
    }
    map::set(vm, attrs, |vm| root_map(vm, cls), name, value);
    Ok(())
}

/// Store an attribute directly in the instance (no descriptors).
pub fn set_instance_attr(vm: &mut Vm, obj: Value, name: Gc<PyStr>, value: Value) {
    let cls = vm.class_of(obj);
    if let Some(attrs) = obj.header().and_then(|h| h.attrs()) {
        map::set(vm, attrs, |vm| root_map(vm, cls), name, value);
    }
}

/// The class's root map, made on first use.
pub fn root_map(vm: &mut Vm, cls: Gc<PyType>) -> Gc<map::PyMap> {
    if let Some(m) = cls.root_map.get().downcast::<map::PyMap>() {
        return m;
    }
    // `__slots__` members of the class and its bases, bases' first.
    let mut slots = Vec::new();
    for &ty in cls.mro_tuple().as_slice().iter().rev() {
        if let Some(names) =
            ty.downcast::<PyType>().and_then(|t| t.slot_names.get().downcast::<crate::types::tuple::PyTuple>())
        {
            slots.extend_from_slice(names.as_slice());
        }
    }
    let m = map::PyMap::new_root(vm, slots);
    cls.root_map.set(m.value());
    m
}

/// The index of `__slots__` member `name` in instances of `cls`.
pub fn slot_index(vm: &mut Vm, cls: Gc<PyType>, name: Gc<PyStr>) -> Option<usize> {
    let root = root_map(vm, cls);
    root.slot_of(name).filter(|&i| i < root.reserved())
}

/// Run a data descriptor's setter; `None` if `descr` is not a data descriptor.
fn descriptor_set(vm: &mut Vm, descr: Value, obj: Value, value: Value) -> PyResult<Option<()>> {
    if let Some(header) = descr.header() {
        match header.kind() {
            LayoutKind::GetSet | LayoutKind::Property | LayoutKind::Member => {
                descriptor::builtin_descriptor_set(vm, descr, obj, value)?;
                return Ok(Some(()));
            }
            LayoutKind::Function
            | LayoutKind::MethodDescriptor
            | LayoutKind::ClassMethod
            | LayoutKind::StaticMethod => return Ok(None),
            _ => {}
        }
    } else {
        return Ok(None);
    }
    let dcls = vm.class_of(descr);
    let hook = if value.is_null() { dcls.lookup(vm, vm.names.delete) } else { dcls.lookup(vm, vm.names.set) };
    match hook {
        Some(h) => {
            if value.is_null() {
                call::call(vm, h, &[descr, obj])?;
            } else {
                call::call(vm, h, &[descr, obj, value])?;
            }
            Ok(Some(()))
        }
        None => {
            // A descriptor with only the other hook.
            let other = if value.is_null() { dcls.lookup(vm, vm.names.set) } else { dcls.lookup(vm, vm.names.delete) };
            if other.is_some() {
                let what = if value.is_null() { "__delete__" } else { "__set__" };
                return Err(vm.attribute_error(what.to_string()));
            }
            Ok(None)
        }
    }
}

/// `type.__setattr__`: set on a class (invalidates its version tag).
pub fn type_setattr(vm: &mut Vm, obj: Value, name: Gc<PyStr>, value: Value) -> PyResult<()> {
    let Some(ty) = obj.downcast::<PyType>() else {
        return generic_setattr(vm, obj, name, value);
    };
    let meta = vm.class_of(obj);
    if let Some(descr) = meta.lookup(vm, name) {
        if let Some(result) = descriptor_set(vm, descr, obj, value)? {
            return Ok(result);
        }
    }
    if !ty.has_flag(crate::types::typeobject::flags::HEAPTYPE) {
        let tn = ty.name().to_string();
        return Err(vm.type_error(format!("cannot set '{}' attribute of immutable type '{tn}'", name.as_str())));
    }
    let name_value = vm.intern_value(name);
    let name = name_value.downcast::<PyStr>().expect("str");
    let dict = ty.dict();
    if value.is_null() {
        if dict.del_str(name).is_none() {
            let tn = ty.name().to_string();
            return Err(vm.attribute_error(format!("type object '{tn}' has no attribute '{}'", name.as_str())));
        }
    } else {
        dict.set_str(vm, name, value);
    }
    ty.invalidate_version();
    crate::types::class::update_special_flags(vm, ty, name);
    Ok(())
}

/// Look a special method up on the type of `obj` (never the instance), as
/// CPython's `_PyObject_LookupSpecial` (unbound).
pub fn lookup_special(vm: &mut Vm, obj: Value, name: &str) -> Option<Value> {
    let cls = vm.class_of(obj);
    cls.lookup_str(vm, name)
}

/// `obj.__dict__` for an instance with an attribute area.
pub fn instance_dict(vm: &mut Vm, obj: Value) -> PyResult {
    match obj.header().and_then(|h| h.attrs()) {
        Some(attrs) => Ok(map::to_dict(vm, attrs).value()),
        None => {
            let tn = vm.type_name(obj);
            Err(vm.attribute_error(format!("'{tn}' object has no attribute '__dict__'")))
        }
    }
}

/// Replace `obj.__dict__`.
pub fn set_instance_dict(vm: &mut Vm, obj: Value, value: Value) -> PyResult<()> {
    let Some(attrs) = obj.header().and_then(|h| h.attrs()) else {
        let tn = vm.type_name(obj);
        return Err(vm.attribute_error(format!("'{tn}' object has no attribute '__dict__'")));
    };
    let Some(dict) = value.downcast::<PyDict>() else {
        let tn = vm.type_name(value);
        return Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{tn}'")));
    };
    // `__slots__` members stay; the map's other attributes go.
    let cls = vm.class_of(obj);
    let reserved = root_map(vm, cls).reserved();
    attrs.map.set(dict.value());
    attrs.values.truncate(reserved);
    Ok(())
}
