//! `module`: a namespace dict with a name.

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::typeobject::dict_set_str;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyModule {
    header: ObjHeader,
    /// The module's globals.
    pub dict: ValueCell,
}

impl_payload!(PyModule, Module, subclassable);

impl PyModule {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.dict.get());
    }

    pub fn dict(&self) -> Gc<PyDict> {
        self.dict.get().downcast::<PyDict>().expect("module without a dict")
    }

    /// A new module named `name`, with `__name__`, `__doc__` (None),
    /// `__package__`, `__loader__` and `__spec__` set as CPython does.
    pub fn new(vm: &mut Vm, name: &str) -> Gc<PyModule> {
        let dict = PyDict::new(vm);
        let ty = vm.types.module;
        let module = vm.alloc(
            PyModule { header: ObjHeader::new(PyModule::LAYOUT, Value::NULL), dict: ValueCell::new(dict.value()) },
            ty,
        );
        let name_value = vm.new_str(name);
        dict_set_str(vm, dict, "__name__", name_value);
        let none = vm.none();
        for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
            dict_set_str(vm, dict, key, none);
        }
        module
    }

    /// `__name__`, if it is a str.
    pub fn name(&self, vm: &mut Vm) -> Option<String> {
        let key = vm.intern("__name__").downcast::<PyStr>()?;
        self.dict().get_str(key).and_then(|v| v.downcast::<PyStr>()).map(|s| s.as_str().to_string())
    }

    /// Set a global.
    pub fn set_attr(&self, vm: &mut Vm, name: &str, value: Value) {
        dict_set_str(vm, self.dict(), name, value);
    }

    /// Read a global.
    pub fn get_attr(&self, vm: &mut Vm, name: &str) -> Option<Value> {
        let key = vm.intern(name).downcast::<PyStr>()?;
        self.dict().get_str(key)
    }
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "module",
    base: None,
    layout: PyModule::LAYOUT,
    layout_with_attrs: PyModule::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", module_new),
        MethodDef::method("__init__", module_init),
        MethodDef::method("__repr__", module_repr),
        MethodDef::method("__dir__", module_dir),
    ],
    getsets: &[GetSetDef::readonly("__dict__", |vm, m| match m.downcast::<PyModule>() {
        Some(m) => Ok(m.dict.get()),
        None => Err(vm.type_error("descriptor '__dict__' for 'module' objects doesn't apply")),
    })],
    doc: "Create a module object.",
};

fn module_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.all()[0];
    let Some(cls) = cls.downcast::<crate::types::typeobject::PyType>() else {
        return Err(vm.type_error("module.__new__(X): X is not a type object"));
    };
    let dict = PyDict::new(vm);
    let module = vm.alloc_instance(
        PyModule { header: ObjHeader::new(PyModule::LAYOUT, Value::NULL), dict: ValueCell::new(dict.value()) },
        cls,
    );
    Ok(module.value())
}

fn module_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: crate::native::Signature = crate::native::Signature {
        name: "module",
        params: &["self", "name", "doc"],
        positional_only: 1,
        keyword_only: 3,
        required: 2,
    };
    let [this, name, doc] = args.bind::<3>(vm, &SIG)?;
    let Some(module) = this.downcast::<PyModule>() else {
        return Err(vm.type_error("module.__init__ requires a module"));
    };
    let dict = module.dict();
    dict_set_str(vm, dict, "__name__", name);
    let doc = if doc.is_null() { vm.none() } else { doc };
    dict_set_str(vm, dict, "__doc__", doc);
    let none = vm.none();
    for key in ["__package__", "__loader__", "__spec__"] {
        dict_set_str(vm, dict, key, none);
    }
    Ok(vm.none())
}

fn module_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(module) = args.this().downcast::<PyModule>() else {
        return Err(vm.type_error("module.__repr__ requires a module"));
    };
    let name = module.name(vm).unwrap_or_else(|| "?".to_string());
    let file = module.get_attr(vm, "__file__").and_then(|f| f.downcast::<PyStr>()).map(|f| f.as_str().to_string());
    let text = match file {
        Some(file) => format!("<module '{name}' from '{file}'>"),
        None => format!("<module '{name}' (built-in)>"),
    };
    Ok(vm.new_str(&text))
}

fn module_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(module) = args.this().downcast::<PyModule>() else {
        return Err(vm.type_error("module.__dir__ requires a module"));
    };
    let keys = module.dict().keys();
    Ok(crate::types::list::list_from_vec(vm, keys))
}
