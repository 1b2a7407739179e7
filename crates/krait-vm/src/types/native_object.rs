//! `PyNativeObject`: the payload of the types that crates outside the VM
//! define (`krait-stdlib`'s `itertools`, `_collections`, `_functools`, ...).
//!
//! Those crates cannot add `LayoutKind`s, so their Rust state lives behind
//! one boxed trait object: `NativeData` says how to trace it, and
//! `data::<T>()` downcasts it back. The state's own fields use `Cell` /
//! `RefCell` for mutation, and, as everywhere, never keep a borrow across a
//! call that can run Python code.
//!
//! `new_native_type` turns a `TypeSpec` whose layout is `PyNativeObject`'s
//! into a type object at module-initialisation time, with `__module__` set
//! so that reprs read `<class 'collections.deque'>`.

use std::any::Any;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::types::typeobject::{dict_set_str, init_builtin_type, PyType};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// The Rust state of an object of a native type: it must mark every
/// `Value` it holds.
pub trait NativeData: Any {
    fn trace(&self, tracer: &mut Tracer);

    /// For iterator types: advance (`Ok(None)` when exhausted). The
    /// interpreter calls it directly for instances of the exact native type
    /// (no Python subclass can have overridden `__next__`), so exhaustion
    /// makes no StopIteration; the type's `__next__` should call it too.
    fn iter_next(&self, _vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        None
    }
}

#[repr(C)]
pub struct PyNativeObject {
    header: ObjHeader,
    data: Box<dyn NativeData>,
}

impl_payload!(PyNativeObject, Native, subclassable);

impl PyNativeObject {
    pub fn new(data: impl NativeData) -> PyNativeObject {
        PyNativeObject { header: ObjHeader::new(PyNativeObject::LAYOUT, Value::NULL), data: Box::new(data) }
    }

    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        self.data.trace(tracer);
    }

    /// The state, if it is a `T`.
    pub fn data<T: NativeData>(&self) -> Option<&T> {
        let any: &dyn Any = &*self.data;
        any.downcast_ref::<T>()
    }
}

/// `next()` through `NativeData::iter_next` for an instance of an exact
/// native iterator type; `None` if `it` is not one.
pub fn native_next_fast(vm: &mut Vm, it: Value) -> Option<PyResult<Option<Value>>> {
    let object = it.downcast::<PyNativeObject>()?;
    if !std::ptr::eq(vm.class_of(it).instance_layout(), PyNativeObject::LAYOUT) {
        return None;
    }
    object.data.iter_next(vm, it)
}

/// The state of `value` if it is a native object holding a `T`.
pub fn native_data<T: NativeData>(value: Value) -> Option<&'static T> {
    let object = value.downcast::<PyNativeObject>()?;
    // SAFETY: the object is alive while the caller holds `value` (in a Rust
    // local, so the conservative stack scan keeps it); the reference must
    // not outlive that, which every caller respects by using it only within
    // the native function that received `value`.
    let object: &'static PyNativeObject = unsafe { &*(&*object as *const PyNativeObject) };
    object.data::<T>()
}

/// Allocate an instance of `class` (a native type or a Python subclass of
/// one) holding `data`.
pub fn new_native_object(vm: &mut Vm, data: impl NativeData, class: Gc<PyType>) -> Value {
    vm.alloc_instance(PyNativeObject::new(data), class).value()
}

/// Create a type from `spec` (its layout must be `PyNativeObject`'s, or a
/// VM layout for a subclass of a builtin type) for the module `module`.
pub fn new_native_type(vm: &mut Vm, spec: &'static TypeSpec, base: Option<Gc<PyType>>, module: &str) -> Gc<PyType> {
    let type_class = vm.types.type_;
    let ty = vm.alloc(PyType::empty(spec.layout), type_class);
    let base = base.unwrap_or(vm.types.object);
    init_builtin_type(vm, ty, spec, Some(base));
    let module = vm.intern(module);
    dict_set_str(vm, ty.dict(), "__module__", module);
    ty.invalidate_version();
    ty
}
