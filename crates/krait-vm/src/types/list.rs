//! `list`: a growable array of values.

use std::cell::RefCell;

use crate::gc::Tracer;
use crate::impl_payload;
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyList {
    header: ObjHeader,
    /// Never borrowed across a call that can run Python code.
    pub items: RefCell<Vec<Value>>,
}

impl_payload!(PyList, List, subclassable);

impl PyList {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.items.borrow());
    }

    pub fn new(items: Vec<Value>) -> PyList {
        PyList { header: ObjHeader::new(PyList::LAYOUT, Value::NULL), items: RefCell::new(items) }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// The item at `index`, if in range.
    #[inline]
    pub fn get(&self, index: usize) -> Option<Value> {
        self.items.borrow().get(index).copied()
    }

    #[inline]
    pub fn push(&self, value: Value) {
        self.items.borrow_mut().push(value);
    }

    /// A copy of the items (root them before allocating: they stay in the
    /// list only while nobody mutates it).
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
}

/// A new exact list.
pub fn new_list(vm: &mut Vm, items: &[Value]) -> Value {
    list_from_vec(vm, items.to_vec())
}

/// A new exact list owning `items`.
pub fn list_from_vec(vm: &mut Vm, items: Vec<Value>) -> Value {
    vm.account_external(items.len() * 8);
    let ty = vm.types.list;
    vm.alloc(PyList::new(items), ty).value()
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "list",
    base: None,
    layout: PyList::LAYOUT,
    layout_with_attrs: PyList::LAYOUT_WITH_ATTRS,
    methods: &[],
    getsets: &[],
    doc: "Built-in mutable sequence.",
};
