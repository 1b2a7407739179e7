//! Interned names the runtime looks up often, made once at startup, and
//! the builtin methods whose identity selects a fast path.

use crate::gc::Tracer;
use crate::object::Gc;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

macro_rules! names {
    ($($field:ident: $text:literal,)*) => {
        /// Interned strings for special names.
        pub struct Names {
            $(pub $field: Gc<PyStr>,)*
        }

        impl Names {
            pub(crate) fn create(vm: &mut Vm) -> Names {
                Names { $($field: vm.intern($text).downcast::<PyStr>().expect("interned str"),)* }
            }

            /// Every field set to one string, until `create` can run.
            pub(crate) fn placeholder(s: Gc<PyStr>) -> Names {
                Names { $($field: s,)* }
            }
        }
    };
}

names! {
    getattribute: "__getattribute__",
    getattr: "__getattr__",
    setattr: "__setattr__",
    delattr: "__delattr__",
    get: "__get__",
    set: "__set__",
    delete: "__delete__",
    init: "__init__",
    new: "__new__",
    call: "__call__",
    repr: "__repr__",
    str: "__str__",
    hash: "__hash__",
    eq: "__eq__",
    ne: "__ne__",
    lt: "__lt__",
    le: "__le__",
    gt: "__gt__",
    ge: "__ge__",
    bool_: "__bool__",
    len: "__len__",
    iter: "__iter__",
    next: "__next__",
    getitem: "__getitem__",
    setitem: "__setitem__",
    delitem: "__delitem__",
    contains: "__contains__",
    index: "__index__",
    format: "__format__",
    name: "__name__",
    qualname: "__qualname__",
    module: "__module__",
    dict: "__dict__",
    class: "__class__",
    doc: "__doc__",
    builtins: "__builtins__",
    missing: "__missing__",
    enter: "__enter__",
    exit: "__exit__",
    aenter: "__aenter__",
    aexit: "__aexit__",
    await_: "__await__",
    aiter: "__aiter__",
    anext: "__anext__",
    instancecheck: "__instancecheck__",
    subclasscheck: "__subclasscheck__",
    mro_entries: "__mro_entries__",
    init_subclass: "__init_subclass__",
    set_name: "__set_name__",
    prepare: "__prepare__",
    classcell: "__classcell__",
    slots: "__slots__",
    all: "__all__",
    path: "__path__",
    file: "__file__",
    package: "__package__",
    spec: "__spec__",
    annotations: "__annotations__",
    reversed: "__reversed__",
    length_hint: "__length_hint__",
    neg: "__neg__",
    pos: "__pos__",
    invert: "__invert__",
    abs: "__abs__",
    int: "__int__",
    float: "__float__",
    complex: "__complex__",
    round: "__round__",
    match_args: "__match_args__",
    send: "send",
    throw: "throw",
    close: "close",
}

/// Builtin method descriptors whose identity selects a fast path (e.g. a
/// class that does not override `__getattribute__` gets generic lookup
/// without a call). Filled in at startup.
pub struct WellKnown {
    pub object_getattribute: Value,
    pub type_getattribute: Value,
    pub object_setattr: Value,
    pub object_delattr: Value,
    pub type_setattr: Value,
    pub type_delattr: Value,
    pub object_init: Value,
    pub object_new: Value,
}

impl WellKnown {
    pub(crate) fn empty() -> WellKnown {
        WellKnown {
            object_getattribute: Value::NULL,
            type_getattribute: Value::NULL,
            object_setattr: Value::NULL,
            object_delattr: Value::NULL,
            type_setattr: Value::NULL,
            type_delattr: Value::NULL,
            object_init: Value::NULL,
            object_new: Value::NULL,
        }
    }

    pub(crate) fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[
            self.object_getattribute,
            self.type_getattribute,
            self.object_setattr,
            self.object_delattr,
            self.type_setattr,
            self.type_delattr,
            self.object_init,
            self.object_new,
        ]);
    }
}
