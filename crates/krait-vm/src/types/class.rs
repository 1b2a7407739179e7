//! Class creation (being written on branch `class`); `type.__call__` here.

use crate::error::PyResult;
use crate::native::Args;
use crate::object::Gc;
use crate::protocol::call;
use crate::types::str::PyStr;
use crate::types::typeobject::PyType;
use crate::value::Value;
use crate::vm::Vm;

pub fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.positional();
    if all.len() == 2 {
        return Ok(vm.class_of(all[1]).value());
    }
    Err(vm.type_error("class creation is not available yet"))
}

pub fn type_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    let cls = all[0];
    let rest = &all[1..];
    let Some(ty) = cls.downcast::<PyType>() else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    if ty == vm.types.type_ && rest.len() == 1 && !args.has_kwargs() {
        return Ok(vm.class_of(rest[0]).value());
    }
    let new = ty.lookup(vm, vm.names.new).ok_or_else(|| vm.type_error("cannot create instances"))?;
    let mut new_args = Vec::with_capacity(all.len());
    new_args.extend_from_slice(all);
    let obj = call::call_kw(vm, new, &new_args, args.kwnames())?;
    if !vm.is_instance(obj, ty) {
        return Ok(obj);
    }
    let obj_type = vm.class_of(obj);
    if let Some(init) = obj_type.lookup(vm, vm.names.init) {
        let mut init_args = Vec::with_capacity(all.len());
        init_args.push(obj);
        init_args.extend_from_slice(rest);
        let r = call::call_kw(vm, init, &init_args, args.kwnames())?;
        if !vm.is_none(r) {
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("__init__() should return None, not '{tn}'")));
        }
    }
    Ok(obj)
}

pub fn build_class(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("class creation is not available yet"))
}

pub fn update_special_flags(_vm: &mut Vm, _ty: Gc<PyType>, _name: Gc<PyStr>) {}

pub fn make_union(vm: &mut Vm, _a: Value, _b: Value) -> PyResult {
    Ok(vm.not_implemented())
}

pub fn super_new(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("super() is not available yet"))
}

pub fn super_init(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.none())
}

pub fn super_getattribute(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("super() is not available yet"))
}

pub fn super_repr(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.new_str("<super>"))
}
