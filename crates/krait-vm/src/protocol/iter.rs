//! Iteration (CPython's `PyObject_GetIter`, `PyIter_Next`).

use std::cell::RefCell;

use crate::error::PyResult;
use crate::object::Gc;
use crate::protocol::call;
use crate::types::iterator::{self, PyIterator};
use crate::types::list::PyList;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::Vm;

/// `iter(v)`.
pub fn iter(vm: &mut Vm, v: Value) -> PyResult {
    let cls = vm.class_of(v);
    if cls == vm.types.list {
        return Ok(iterator::new_list_iterator(vm, v.downcast::<PyList>().expect("list")));
    }
    if cls == vm.types.tuple {
        return Ok(iterator::new_tuple_iterator(vm, v.downcast::<PyTuple>().expect("tuple")));
    }
    match cls.lookup(vm, vm.names.iter) {
        Some(method) if !vm.is_none(method) => {
            let it = call::call(vm, method, &[v])?;
            let it_cls = vm.class_of(it);
            if it_cls.lookup(vm, vm.names.next).is_none() {
                let tn = it_cls.name().to_string();
                return Err(vm.type_error(format!("iter() returned non-iterator of type '{tn}'")));
            }
            Ok(it)
        }
        Some(_) => Err(not_iterable(vm, v)),
        None => {
            if cls.lookup(vm, vm.names.getitem).is_some_and(|m| !vm.is_none(m)) {
                return Ok(iterator::new_seq_iterator(vm, v));
            }
            Err(not_iterable(vm, v))
        }
    }
}

fn not_iterable(vm: &mut Vm, v: Value) -> crate::error::PyErr {
    let tn = vm.type_name(v);
    vm.type_error(format!("'{tn}' object is not iterable"))
}

/// The next item, or `None` when the iterator is exhausted.
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    if let Some(native) = it.downcast::<PyIterator>() {
        return iterator::next_fast(vm, native);
    }
    if let Some(gen) = it.downcast::<crate::types::generator::PyGenerator>() {
        return crate::types::generator::next(vm, gen);
    }
    if let Some(result) = crate::types::native_object::native_next_fast(vm, it) {
        return result;
    }
    let cls = vm.class_of(it);
    let Some(method) = cls.lookup(vm, vm.names.next) else {
        let tn = cls.name().to_string();
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    };
    match call::call(vm, method, &[it]) {
        Ok(v) => Ok(Some(v)),
        Err(err) if vm.error_matches(err, vm.exceptions.stop_iteration) => Ok(None),
        Err(err) => Err(err),
    }
}

/// Hand every item of the iterator `it` to `consume` until it returns
/// false; generators are driven without leaving their frame between items
/// (`generator::drive`).
pub fn for_each(vm: &mut Vm, it: Value, consume: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>) -> PyResult<()> {
    if let Some(gen) = it.downcast::<crate::types::generator::PyGenerator>() {
        return crate::types::generator::drive(vm, gen, consume);
    }
    while let Some(item) = next(vm, it)? {
        if !consume(vm, item)? {
            break;
        }
    }
    Ok(())
}

/// A new list of every item of `iterable`.
pub fn collect(vm: &mut Vm, iterable: Value) -> PyResult<Gc<PyList>> {
    let items = if let Some(list) = iterable.downcast::<PyList>() {
        Some(list.to_vec())
    } else {
        iterable.downcast::<PyTuple>().map(|t| t.as_slice().to_vec())
    };
    let ty = vm.types.list;
    if let Some(items) = items {
        // The items stay rooted by `iterable` until the list owns them.
        return Ok(vm.alloc(PyList::new(items), ty));
    }
    let list = vm.alloc(PyList::new(Vec::new()), ty);
    reserve_length_hint(vm, iterable, &list.items)?;
    let it = iter(vm, iterable)?;
    for_each(vm, it, &mut |vm, item| {
        list.push(item);
        vm.account_external(8);
        Ok(true)
    })?;
    Ok(list)
}

/// Reserve room for the items `len(iterable)` promises, as CPython's
/// `list_extend` does with the length hint, so that `list(range(2**62))`
/// is a MemoryError at once instead of an endless fill. The hint is taken
/// before `buffer` is touched, since `len()` may run Python code.
pub fn reserve_length_hint(vm: &mut Vm, iterable: Value, buffer: &RefCell<Vec<Value>>) -> PyResult<()> {
    let cls = vm.class_of(iterable);
    if cls.lookup(vm, vm.names.len).is_none() {
        return Ok(());
    }
    if let Ok(n) = crate::protocol::sequence::len(vm, iterable) {
        if buffer.borrow_mut().try_reserve(n).is_err() {
            return Err(vm.memory_error());
        }
    }
    Ok(())
}
