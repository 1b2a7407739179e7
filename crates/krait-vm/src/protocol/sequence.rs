//! Subscription, `len()` and `in` (CPython's `PyObject_GetItem`,
//! `PyObject_Size`, `PySequence_Contains`).

use crate::error::PyResult;
use crate::protocol::{call, compare, iter, object};
use crate::types::dict::PyDict;
use crate::types::list::PyList;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobject::PyType;
use crate::value::Value;
use crate::vm::Vm;

/// `len(v)`.
pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let cls = vm.class_of(v);
    if cls == vm.types.list {
        return Ok(v.downcast::<PyList>().expect("list").len());
    }
    if cls == vm.types.tuple {
        return Ok(v.downcast::<PyTuple>().expect("tuple").len());
    }
    if cls == vm.types.str {
        return Ok(v.downcast::<PyStr>().expect("str").char_len());
    }
    if cls == vm.types.dict {
        return Ok(v.downcast::<PyDict>().expect("dict").len());
    }
    match cls.lookup(vm, vm.names.len).filter(|m| !vm.is_none(*m)) {
        Some(method) => {
            let result = call::call(vm, method, &[v])?;
            len_result(vm, result)
        }
        None => {
            let tn = cls.name().to_string();
            Err(vm.type_error(format!("object of type '{tn}' has no len()")))
        }
    }
}

/// Check what a `__len__` returned.
pub fn len_result(vm: &mut Vm, result: Value) -> PyResult<usize> {
    let result = crate::protocol::number::index(vm, result)?;
    match crate::types::int::to_i64(result) {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(vm.value_error("__len__() should return >= 0")),
        None => {
            if crate::types::int::as_bigint(result).is_some_and(|b| b.sign() == num_bigint::Sign::Minus) {
                Err(vm.value_error("__len__() should return >= 0"))
            } else {
                Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
        }
    }
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult {
    let cls = vm.class_of(obj);
    if let Some(i) = key.as_small_int() {
        if cls == vm.types.list {
            let list = obj.downcast::<PyList>().expect("list");
            let n = list.len() as i64;
            let index = if i < 0 { i + n } else { i };
            if (0..n).contains(&index) {
                return Ok(list.get(index as usize).expect("in range"));
            }
            return Err(vm.index_error("list index out of range"));
        }
        if cls == vm.types.tuple {
            let tuple = obj.downcast::<PyTuple>().expect("tuple");
            let n = tuple.len() as i64;
            let index = if i < 0 { i + n } else { i };
            if (0..n).contains(&index) {
                return Ok(tuple.get(index as usize));
            }
            return Err(vm.index_error("tuple index out of range"));
        }
    }
    if cls == vm.types.dict {
        let dict = obj.downcast::<PyDict>().expect("dict");
        return match dict.get_item(vm, key)? {
            Some(v) => Ok(v),
            None => Err(vm.key_error(key)),
        };
    }
    // Exact builtin sequences with any other key (slices, big ints, bad
    // types): their own `__getitem__`, without looking it up and calling it.
    let exact_getitem: Option<crate::native::NativeFn> = if cls == vm.types.list {
        Some(crate::types::list::list_getitem)
    } else if cls == vm.types.tuple {
        Some(crate::types::tuple::tuple_getitem)
    } else if cls == vm.types.str {
        Some(crate::types::str_methods::str_getitem)
    } else {
        None
    };
    if let Some(getitem) = exact_getitem {
        let owner = cls;
        return getitem(vm, crate::native::Args::for_method(&[obj, key], None, owner));
    }
    vm.check_native_stack()?;
    if let Some(method) = cls.lookup(vm, vm.names.getitem).filter(|m| !vm.is_none(*m)) {
        return call::call(vm, method, &[obj, key]);
    }
    if let Some(ty) = obj.downcast::<PyType>() {
        // `type[int]` (CPython special-cases `type` in PyObject_GetItem).
        if ty == vm.types.type_ {
            return crate::types::generic_alias::new_alias(vm, obj, key);
        }
        if let Some(class_getitem) = crate::protocol::attr::getattr_opt(vm, ty.value(), "__class_getitem__")? {
            return call::call(vm, class_getitem, &[key]);
        }
        let name = ty.name().to_string();
        return Err(vm.type_error(format!("type '{name}' is not subscriptable")));
    }
    let tn = cls.name().to_string();
    Err(vm.type_error(format!("'{tn}' object is not subscriptable")))
}

/// `obj[key] = value`.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    let cls = vm.class_of(obj);
    if cls == vm.types.list {
        if let Some(i) = key.as_small_int() {
            let list = obj.downcast::<PyList>().expect("list");
            let mut items = list.items.borrow_mut();
            let n = items.len() as i64;
            let index = if i < 0 { i + n } else { i };
            if (0..n).contains(&index) {
                items[index as usize] = value;
                return Ok(());
            }
            drop(items);
            return Err(vm.index_error("list assignment index out of range"));
        }
    }
    if cls == vm.types.dict {
        return obj.downcast::<PyDict>().expect("dict").set_item(vm, key, value);
    }
    match cls.lookup(vm, vm.names.setitem).filter(|m| !vm.is_none(*m)) {
        Some(method) => {
            call::call(vm, method, &[obj, key, value])?;
            Ok(())
        }
        None => {
            let tn = cls.name().to_string();
            Err(vm.type_error(format!("'{tn}' object does not support item assignment")))
        }
    }
}

/// `del obj[key]`.
pub fn delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    let cls = vm.class_of(obj);
    if cls == vm.types.dict {
        let dict = obj.downcast::<PyDict>().expect("dict");
        return match dict.del_item(vm, key)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(key)),
        };
    }
    match cls.lookup(vm, vm.names.delitem).filter(|m| !vm.is_none(*m)) {
        Some(method) => {
            call::call(vm, method, &[obj, key])?;
            Ok(())
        }
        None => {
            let tn = cls.name().to_string();
            if cls.lookup(vm, vm.names.getitem).is_some() {
                Err(vm.type_error(format!("'{tn}' object doesn't support item deletion")))
            } else {
                Err(vm.type_error(format!("'{tn}' object does not support item deletion")))
            }
        }
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let cls = vm.class_of(container);
    if cls == vm.types.dict {
        return Ok(container.downcast::<PyDict>().expect("dict").get_item(vm, item)?.is_some());
    }
    if cls == vm.types.set || cls == vm.types.frozenset {
        let set = container.downcast::<crate::types::set::PySet>().expect("set");
        return crate::types::set::contains_key(vm, set, item);
    }
    if let Some(method) = cls.lookup(vm, vm.names.contains).filter(|m| !vm.is_none(*m)) {
        let r = call::call(vm, method, &[container, item])?;
        return object::truthy(vm, r);
    }
    let has_iter = cls.lookup(vm, vm.names.iter).is_some() || cls.lookup(vm, vm.names.getitem).is_some();
    if !has_iter {
        let tn = cls.name().to_string();
        return Err(vm.type_error(format!("argument of type '{tn}' is not iterable")));
    }
    let it = iter::iter(vm, container)?;
    while let Some(candidate) = iter::next(vm, it)? {
        if compare::eq(vm, candidate, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}
