//! `tuple`: an immutable array of values.

use std::cell::Cell;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyTuple {
    header: ObjHeader,
    items: Box<[Value]>,
    /// The cached hash, or -1 (tuples of immutables hash often: dict keys).
    pub(crate) hash: Cell<i64>,
}

impl_payload!(PyTuple, Tuple, subclassable);

impl PyTuple {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.items);
    }

    pub fn new(items: Box<[Value]>) -> PyTuple {
        PyTuple { header: ObjHeader::new(PyTuple::LAYOUT, Value::NULL), items, hash: Cell::new(-1) }
    }

    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        &self.items
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The item at `index` (which must be in range).
    #[inline(always)]
    pub fn get(&self, index: usize) -> Value {
        self.items[index]
    }
}

/// A new exact tuple (the shared empty tuple when `items` is empty).
pub fn new_tuple(vm: &mut Vm, items: &[Value]) -> Value {
    if items.is_empty() && !vm.singletons.empty_tuple.is_null() {
        return vm.singletons.empty_tuple;
    }
    let ty = vm.types.tuple;
    vm.alloc(PyTuple::new(items.into()), ty).value()
}

/// A new tuple from an owned vector. The values must be rooted by the caller
/// until this returns (e.g. they came from a `RootedVec` or the value stack).
pub fn tuple_from_vec(vm: &mut Vm, items: Vec<Value>) -> Value {
    if items.is_empty() && !vm.singletons.empty_tuple.is_null() {
        return vm.singletons.empty_tuple;
    }
    let ty = vm.types.tuple;
    vm.alloc(PyTuple::new(items.into_boxed_slice()), ty).value()
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "tuple",
    base: None,
    layout: PyTuple::LAYOUT,
    layout_with_attrs: PyTuple::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: &[],
    doc: "Built-in immutable sequence.",
};

static METHODS: &[MethodDef] = &[MethodDef::method("__len__", tuple_len)];

fn tuple_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    match this.downcast::<PyTuple>() {
        Some(t) => Ok(Value::from_small(t.len() as i64)),
        None => Err(vm.type_error("descriptor '__len__' requires a 'tuple' object")),
    }
}
