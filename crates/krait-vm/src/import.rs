//! The import system: builtin (Rust) modules, and `.py` files and packages
//! on `sys.path`.

use crate::error::PyResult;
use crate::native::MethodDef;
use crate::object::Gc;
use crate::types::module::PyModule;
use crate::vm::Vm;

/// A module written in Rust: its functions, and an optional hook that adds
/// everything else (constants, types) to the new module.
pub struct NativeModuleDef {
    pub name: &'static str,
    pub doc: &'static str,
    pub methods: &'static [MethodDef],
    pub init: Option<fn(&mut Vm, Gc<PyModule>) -> PyResult<()>>,
}

pub type NativeModuleInit = &'static NativeModuleDef;

impl Vm {
    /// Make a Rust module importable by its name.
    pub fn register_native_module(&mut self, def: &'static NativeModuleDef) {
        self.native_modules.insert(def.name, def);
    }
}
