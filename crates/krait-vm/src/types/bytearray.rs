//! `bytearray`: a mutable `bytes`.
//!
//! Mirrors `Objects/bytearrayobject.c` of CPython 3.11. The non-mutating
//! methods are `bytes`'s (see `bytes.rs`, which builds their results as a
//! bytearray when the receiver is one); this file adds construction
//! (`__new__` makes an empty object, `__init__` fills it, so that
//! `bytearray.__init__` can be called again, as in CPython), the mutating
//! methods and item/slice assignment. The buffer is a `RefCell<Vec<u8>>`;
//! no borrow is held across a call that can run Python code: arguments are
//! converted first, then the buffer is borrowed for the update alone.

use std::cell::RefCell;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef, Signature};
use crate::object::{ObjHeader, PyPayload};
use crate::protocol::{attr, iter, number};
use crate::types::bytes::{
    as_buffer, bytes_add, bytes_contains, bytes_eq, bytes_from_source, bytes_fromhex, bytes_ge, bytes_getitem,
    bytes_gt, bytes_le, bytes_len, bytes_lt, bytes_maketrans, bytes_mod, bytes_mul, bytes_ne, bytes_repr_method,
    bytes_rmod, with_shared_bytes_methods,
};
use crate::types::str_methods::slice_indices;
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyByteArray {
    header: ObjHeader,
    data: RefCell<Vec<u8>>,
}

impl_payload!(PyByteArray, ByteArray, subclassable);

impl PyByteArray {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        if let Ok(data) = self.data.try_borrow() {
            tracer.external += data.capacity();
        }
    }

    pub fn new(data: Vec<u8>) -> PyByteArray {
        PyByteArray { header: ObjHeader::new(PyByteArray::LAYOUT, Value::NULL), data: RefCell::new(data) }
    }

    /// A copy of the contents.
    pub fn to_vec(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }

    pub fn len(&self) -> usize {
        self.data.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.borrow().is_empty()
    }

    /// Run `f` on the buffer (which must not call into Python).
    pub fn with_data<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        f(&mut self.data.borrow_mut())
    }
}

/// A new exact `bytearray`.
pub fn new_bytearray(vm: &mut Vm, data: Vec<u8>) -> Value {
    if data.len() > 256 {
        vm.account_external(data.len());
    }
    let ty = vm.types.bytearray;
    vm.alloc(PyByteArray::new(data), ty).value()
}

/// `self` of a bytearray method.
fn this_bytearray(vm: &mut Vm, v: Value, method: &str) -> PyResult<crate::object::Gc<PyByteArray>> {
    match v.downcast::<PyByteArray>() {
        Some(b) => Ok(b),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' requires a 'bytearray' object but received a '{name}'")))
        }
    }
}

/// A byte given as an int, `0 <= b < 256`.
fn byte_arg(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = number::index(vm, v)?;
    match crate::types::int::as_bigint(i).and_then(|n| num_traits::ToPrimitive::to_u8(n.as_ref())) {
        Some(b) => Ok(b),
        None => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// The bytes of an iterable of ints or a bytes-like object (`extend`,
/// slice assignment).
fn bytes_of_iterable(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(data) = as_buffer(v) {
        return Ok(data);
    }
    if v.downcast::<crate::types::str::PyStr>().is_some()
        || (attr::lookup_special(vm, v, "__iter__").is_none() && attr::lookup_special(vm, v, "__getitem__").is_none())
    {
        let name = vm.type_name(v);
        return Err(vm.type_error(match what {
            "extend" => format!("can't extend bytearray with {name}"),
            _ => "can assign only bytes, buffers, or iterables of ints in range(0, 256)".to_string(),
        }));
    }
    let iterator = iter::iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(item) = iter::next(vm, iterator)? {
        out.push(byte_arg(vm, item)?);
    }
    Ok(out)
}

// ---- construction -------------------------------------------------------------------------

fn bytearray_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.this();
    let Some(cls) = cls.downcast::<PyType>() else {
        return Err(vm.type_error("bytearray.__new__(X): X is not a type object"));
    };
    Ok(vm.alloc_instance(PyByteArray::new(Vec::new()), cls).value())
}

static INIT_SIG: Signature = Signature {
    name: "bytearray",
    params: &["self", "source", "encoding", "errors"],
    positional_only: 1,
    keyword_only: 4,
    required: 1,
};

fn bytearray_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, source, encoding, errors] = args.bind::<4>(vm, &INIT_SIG)?;
    let ba = this_bytearray(vm, this, "__init__")?;
    let data = bytes_from_source(vm, source, encoding, errors)?;
    ba.with_data(|d| *d = data);
    Ok(vm.none())
}

// ---- item assignment ----------------------------------------------------------------------

fn bytearray_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key, value] = args.exact::<3>(vm, "__setitem__")?;
    let ba = this_bytearray(vm, this, "__setitem__")?;
    let len = ba.len();
    if key.downcast::<crate::types::slice::PySlice>().is_some() {
        // Convert the value before resolving the slice: conversion may run
        // Python code that resizes the array.
        let new = if ba.value().is(value) { ba.to_vec() } else { bytes_of_iterable(vm, value, "assign")? };
        let len = ba.len();
        let (start, step, count) = slice_indices(vm, key, len)?.expect("a slice");
        if step == 1 {
            let start = start.max(0) as usize;
            ba.with_data(|d| {
                d.splice(start..start + count, new);
            });
            return Ok(vm.none());
        }
        if new.len() != count {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {count}",
                new.len()
            )));
        }
        ba.with_data(|d| {
            for (i, b) in new.into_iter().enumerate() {
                d[(start + i as isize * step) as usize] = b;
            }
        });
        return Ok(vm.none());
    }
    if !key.is_small_int() && attr::lookup_special(vm, key, "__index__").is_none() {
        let name = vm.type_name(key);
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {name}")));
    }
    let mut i = number::to_index_isize(vm, key)?;
    let byte = byte_arg(vm, value)?;
    let len = len.min(ba.len());
    if i < 0 {
        i += len as isize;
    }
    if i < 0 || i as usize >= ba.len() {
        return Err(vm.index_error("bytearray index out of range"));
    }
    ba.with_data(|d| d[i as usize] = byte);
    Ok(vm.none())
}

fn bytearray_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__delitem__")?;
    let ba = this_bytearray(vm, this, "__delitem__")?;
    if let Some((start, step, count)) = slice_indices(vm, key, ba.len())? {
        ba.with_data(|d| {
            if step == 1 {
                let start = start.max(0) as usize;
                d.drain(start..start + count);
            } else {
                let mut doomed = vec![false; d.len()];
                for i in 0..count {
                    doomed[(start + i as isize * step) as usize] = true;
                }
                let mut index = 0;
                d.retain(|_| {
                    let keep = !doomed[index];
                    index += 1;
                    keep
                });
            }
        });
        return Ok(vm.none());
    }
    if !key.is_small_int() && attr::lookup_special(vm, key, "__index__").is_none() {
        let name = vm.type_name(key);
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {name}")));
    }
    let mut i = number::to_index_isize(vm, key)?;
    let len = ba.len();
    if i < 0 {
        i += len as isize;
    }
    if i < 0 || i as usize >= len {
        return Err(vm.index_error("bytearray index out of range"));
    }
    ba.with_data(|d| d.remove(i as usize));
    Ok(vm.none())
}

// ---- in-place operators and mutating methods ----------------------------------------------

fn bytearray_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__iadd__")?;
    let ba = this_bytearray(vm, this, "__iadd__")?;
    let Some(more) = as_buffer(other) else {
        let name = vm.type_name(other);
        return Err(vm.type_error(format!("can't concat {name} to bytearray")));
    };
    ba.with_data(|d| d.extend_from_slice(&more));
    Ok(this)
}

fn bytearray_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, count] = args.exact::<2>(vm, "__imul__")?;
    let ba = this_bytearray(vm, this, "__imul__")?;
    let Some(n) = crate::types::str_methods::repeat_count(vm, count, ba.len(), "bytes")? else {
        return Ok(vm.not_implemented());
    };
    ba.with_data(|d| *d = d.repeat(n));
    Ok(this)
}

fn bytearray_append(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, item] = args.exact::<2>(vm, "append")?;
    let ba = this_bytearray(vm, this, "append")?;
    let byte = byte_arg(vm, item)?;
    ba.with_data(|d| d.push(byte));
    Ok(vm.none())
}

fn bytearray_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, iterable] = args.exact::<2>(vm, "extend")?;
    let ba = this_bytearray(vm, this, "extend")?;
    let more = bytes_of_iterable(vm, iterable, "extend")?;
    ba.with_data(|d| d.extend_from_slice(&more));
    Ok(vm.none())
}

fn bytearray_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, index, item] = args.exact::<3>(vm, "insert")?;
    let ba = this_bytearray(vm, this, "insert")?;
    let index = number::to_index_isize(vm, index)?;
    let byte = byte_arg(vm, item)?;
    ba.with_data(|d| {
        let len = d.len() as isize;
        let at = if index < 0 { (index + len).max(0) } else { index.min(len) };
        d.insert(at as usize, byte);
    });
    Ok(vm.none())
}

fn bytearray_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let params = args.skip_self().positional_range(vm, "pop", 0, 1)?;
    let ba = this_bytearray(vm, args.this(), "pop")?;
    let index = match params.first() {
        Some(&i) => number::to_index_isize(vm, i)?,
        None => -1,
    };
    let len = ba.len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = if index < 0 { index + len as isize } else { index };
    if i < 0 || i as usize >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    let byte = ba.with_data(|d| d.remove(i as usize));
    Ok(Value::from_small(byte as i64))
}

fn bytearray_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, item] = args.exact::<2>(vm, "remove")?;
    let ba = this_bytearray(vm, this, "remove")?;
    let byte = byte_arg(vm, item)?;
    let removed = ba.with_data(|d| match d.iter().position(|&b| b == byte) {
        Some(i) => {
            d.remove(i);
            true
        }
        None => false,
    });
    if !removed {
        return Err(vm.value_error("value not found in bytearray"));
    }
    Ok(vm.none())
}

fn bytearray_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "reverse")?;
    let ba = this_bytearray(vm, this, "reverse")?;
    ba.with_data(|d| d.reverse());
    Ok(vm.none())
}

fn bytearray_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "clear")?;
    let ba = this_bytearray(vm, this, "clear")?;
    ba.with_data(|d| d.clear());
    Ok(vm.none())
}

fn bytearray_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "copy")?;
    let ba = this_bytearray(vm, this, "copy")?;
    let data = ba.to_vec();
    Ok(new_bytearray(vm, data))
}

fn bytearray_alloc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__alloc__")?;
    let ba = this_bytearray(vm, this, "__alloc__")?;
    let capacity = ba.with_data(|d| d.capacity()) + 1;
    Ok(Value::from_small(capacity as i64))
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "bytearray",
    base: None,
    layout: PyByteArray::LAYOUT,
    layout_with_attrs: PyByteArray::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: &[],
    doc: "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n\
          bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given \
          by the parameter initialized with null bytes\nbytearray() -> empty bytes array",
};

static METHODS: &[MethodDef] = with_shared_bytes_methods![
    MethodDef::staticmethod("__new__", bytearray_new),
    MethodDef::method("__init__", bytearray_init),
    MethodDef::method("__hash__", crate::protocol::hash::unhashable),
    MethodDef::method("__repr__", bytes_repr_method),
    MethodDef::method("__len__", bytes_len),
    MethodDef::method("__add__", bytes_add),
    MethodDef::method("__mul__", bytes_mul),
    MethodDef::method("__rmul__", bytes_mul),
    MethodDef::method("__mod__", bytes_mod),
    MethodDef::method("__rmod__", bytes_rmod),
    MethodDef::method("__iadd__", bytearray_iadd),
    MethodDef::method("__imul__", bytearray_imul),
    MethodDef::method("__contains__", bytes_contains),
    MethodDef::method("__getitem__", bytes_getitem),
    MethodDef::method("__setitem__", bytearray_setitem),
    MethodDef::method("__delitem__", bytearray_delitem),
    MethodDef::method("__eq__", bytes_eq),
    MethodDef::method("__ne__", bytes_ne),
    MethodDef::method("__lt__", bytes_lt),
    MethodDef::method("__le__", bytes_le),
    MethodDef::method("__gt__", bytes_gt),
    MethodDef::method("__ge__", bytes_ge),
    MethodDef::method("__alloc__", bytearray_alloc),
    MethodDef::method("append", bytearray_append),
    MethodDef::method("clear", bytearray_clear),
    MethodDef::method("copy", bytearray_copy),
    MethodDef::method("extend", bytearray_extend),
    MethodDef::method("insert", bytearray_insert),
    MethodDef::method("pop", bytearray_pop),
    MethodDef::method("remove", bytearray_remove),
    MethodDef::method("reverse", bytearray_reverse),
    MethodDef::classmethod("fromhex", bytes_fromhex),
    MethodDef::staticmethod("maketrans", bytes_maketrans),
];
