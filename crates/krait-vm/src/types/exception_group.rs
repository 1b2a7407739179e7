//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654).
//!
//! Their methods are written in Python (`exception_group.py`, compiled into
//! the binary) and attached to the builtin types at startup; only the type
//! wiring is here: `ExceptionGroup` derives from both `BaseExceptionGroup`
//! and `Exception`, which the single-base hierarchy table cannot say.

use crate::error::PyResult;
use crate::protocol::call;
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::typeobject::{compute_mro, dict_set_str};
use crate::value::Value;
use crate::vm::Vm;

const SOURCE: &str = include_str!("exception_group.py");

/// Give `ExceptionGroup` its second base and attach the Python methods.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let group = vm.exceptions.exception_group;
    let base_group = vm.exceptions.base_exception_group;
    let exception = vm.exceptions.exception;
    let bases = crate::types::tuple::new_tuple(vm, &[base_group.value(), exception.value()]);
    let mro = compute_mro(group, &[base_group, exception]).map_err(|m| vm.type_error(m))?;
    let mro_values: Vec<Value> = mro.iter().map(|t| t.value()).collect();
    let mro = crate::types::tuple::new_tuple(vm, &mro_values);
    group.bases.set(bases);
    group.mro.set(mro);
    base_group.subclasses.borrow_mut().push(group.value());
    group.invalidate_version();

    let code = crate::compile::compile_source(vm, SOURCE, "<exceptiongroup>", krait_compiler::Mode::Exec)?;
    let namespace = PyDict::new(vm);
    let builtins = vm.builtins_module;
    dict_set_str(vm, namespace, "__builtins__", builtins);
    let name = vm.intern("builtins");
    dict_set_str(vm, namespace, "__name__", name);
    crate::interp::exec_code(vm, code, namespace, Value::NULL)?;
    let target = base_group.dict();
    let get = |vm: &mut Vm, name: &str| {
        let key = vm.intern(name).downcast::<PyStr>().expect("str");
        namespace.get_str(key).expect("defined in exception_group.py")
    };
    let new = get(vm, "__new__");
    let new = crate::types::descriptor::new_staticmethod(vm, new);
    dict_set_str(vm, target, "__new__", new);
    for method in ["__init__", "__str__", "derive", "split", "subgroup"] {
        let f = get(vm, method);
        dict_set_str(vm, target, method, f);
    }
    let property = vm.types.property.value();
    for attribute in ["message", "exceptions"] {
        let getter = get(vm, attribute);
        let p = call::call(vm, property, &[getter])?;
        dict_set_str(vm, target, attribute, p);
    }
    base_group.invalidate_version();
    Ok(())
}
