//! Helpers shared by the native modules of this crate.

use krait_vm::error::PyResult;
use krait_vm::object::Gc;
use krait_vm::protocol::attr;
use krait_vm::types::str::PyStr;
use krait_vm::types::typeobject::PyType;
use krait_vm::vm::Vm;

/// The type `name` of the already-imported native module `module` (as its
/// `init` stored it), found through `sys.modules`.
pub fn module_type(vm: &mut Vm, module: &str, name: &str) -> PyResult<Gc<PyType>> {
    let key = vm.intern(module).downcast::<PyStr>().expect("interned str");
    let Some(module_value) = vm.modules.get_str(key) else {
        return Err(vm.runtime_error(format!("module {module} is not imported")));
    };
    let ty = attr::getattr_str(vm, module_value, name)?;
    match ty.downcast::<PyType>() {
        Some(ty) => Ok(ty),
        None => Err(vm.type_error(format!("{module}.{name} is not a type"))),
    }
}
