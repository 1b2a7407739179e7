//! `NoneType`, `NotImplementedType` and `ellipsis`: one instance each,
//! allocated at startup and never freed.

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef};
use crate::object::{ObjHeader, PyPayload};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PySingleton {
    header: ObjHeader,
}

impl_payload!(PySingleton, Singleton);

impl PySingleton {
    pub(crate) fn trace_fields(&self, _tracer: &mut Tracer) {}

    pub fn new() -> PySingleton {
        PySingleton { header: ObjHeader::new(PySingleton::LAYOUT, Value::NULL) }
    }
}

fn none_repr(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.intern("None"))
}

fn none_bool(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.bool_value(false))
}

fn none_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.all().len() > 1 {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(vm.none())
}

pub static NONE_SPEC: TypeSpec = TypeSpec {
    name: "NoneType",
    base: None,
    layout: PySingleton::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", none_new),
        MethodDef::method("__repr__", none_repr),
        MethodDef::method("__bool__", none_bool),
    ],
    getsets: &[],
    doc: "",
};

pub static NOT_IMPLEMENTED_SPEC: TypeSpec = TypeSpec {
    name: "NotImplementedType",
    base: None,
    layout: PySingleton::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", |vm, _| Ok(vm.not_implemented())),
        MethodDef::method("__repr__", |vm, _| Ok(vm.intern("NotImplemented"))),
        MethodDef::method("__reduce__", |vm, _| Ok(vm.intern("NotImplemented"))),
    ],
    getsets: &[],
    doc: "",
};

pub static ELLIPSIS_SPEC: TypeSpec = TypeSpec {
    name: "ellipsis",
    base: None,
    layout: PySingleton::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", |vm, _| Ok(vm.singletons.ellipsis)),
        MethodDef::method("__repr__", |vm, _| Ok(vm.intern("Ellipsis"))),
        MethodDef::method("__reduce__", |vm, _| Ok(vm.intern("Ellipsis"))),
    ],
    getsets: &[],
    doc: "",
};
