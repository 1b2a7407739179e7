//! Creating a VM: the chicken-and-egg of `type`, `object`, `str` and
//! `dict` needing each other.
//!
//! 1. Allocate an empty type object for every builtin type and exception
//!    (their class is `type`, itself among them) and the singletons, with
//!    the heap alone (no collection can run yet).
//! 2. Assemble the `Vm` around them.
//! 3. Fill each type from its spec — name, bases, MRO, dict of methods —
//!    in table order, bases first.
//! 4. Create `builtins` and `sys`, then turn the collector on.

use crate::gc::Heap;
use crate::object::{Gc, PyPayload};
use crate::types::dict::PyDict;
use crate::types::exception::{ExceptionTypes, PyBaseException};
use crate::types::float::PyFloat;
use crate::types::int::PyInt;
use crate::types::module::PyModule;
use crate::types::singletons::PySingleton;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobject::{flags, init_builtin_type, PyType};
use crate::types::{BuiltinTypes, TypeSpec};
use crate::value::Value;
use crate::vm::{alloc_in, Singletons, Vm, VmConfig};

pub fn create_vm(config: VmConfig) -> Box<Vm> {
    crate::hashing::init(config.hash_seed);
    let mut heap = Heap::new();

    // 1. Type objects, empty.
    let specs = BuiltinTypes::specs();
    let shells: Vec<Gc<PyType>> =
        specs.iter().map(|spec| alloc_in(&mut heap, PyType::empty(spec.layout), Value::NULL, PyType::LAYOUT)).collect();
    let types = BuiltinTypes::from_list(&shells);
    let exception_layout = PyBaseException::LAYOUT_WITH_ATTRS.expect("exceptions carry attributes");
    let base_exception = alloc_in(&mut heap, PyType::empty(exception_layout), Value::NULL, PyType::LAYOUT);
    let mut exception_shells: Vec<(Gc<PyType>, &'static str, Gc<PyType>)> = Vec::new();
    let exceptions = ExceptionTypes::create(
        &mut |name, base| {
            let ty = alloc_in(&mut heap, PyType::empty(exception_layout), Value::NULL, PyType::LAYOUT);
            exception_shells.push((ty, name, base));
            ty
        },
        base_exception,
    );
    for ty in shells.iter().chain(std::iter::once(&base_exception)).chain(exception_shells.iter().map(|(t, _, _)| t)) {
        ty.header().set_class(types.type_.value());
    }

    // The singletons.
    let none = alloc_in(&mut heap, PySingleton::new(), types.none_type.value(), PySingleton::LAYOUT).value();
    let not_implemented =
        alloc_in(&mut heap, PySingleton::new(), types.not_implemented_type.value(), PySingleton::LAYOUT).value();
    let ellipsis = alloc_in(&mut heap, PySingleton::new(), types.ellipsis_type.value(), PySingleton::LAYOUT).value();
    let true_ = alloc_in(&mut heap, PyInt::new(1.into()), types.bool_.value(), PyInt::LAYOUT).value();
    let false_ = alloc_in(&mut heap, PyInt::new(0.into()), types.bool_.value(), PyInt::LAYOUT).value();
    let empty_tuple = alloc_in(&mut heap, PyTuple::header_for(0), types.tuple.value(), PyTuple::LAYOUT).value();
    let empty_str_obj = alloc_in(&mut heap, PyStr::header_for(""), types.str.value(), PyStr::LAYOUT);
    let empty_str = empty_str_obj.value();
    let modules = alloc_in(&mut heap, PyDict::empty_payload(), types.dict.value(), PyDict::LAYOUT);
    let builtins = alloc_in(&mut heap, PyDict::empty_payload(), types.dict.value(), PyDict::LAYOUT);
    let float_zero = alloc_in(&mut heap, PyFloat::new(0.0), types.float.value(), PyFloat::LAYOUT).value();
    let float_neg_zero = alloc_in(&mut heap, PyFloat::new(-0.0), types.float.value(), PyFloat::LAYOUT).value();
    for v in [none, not_implemented, ellipsis, true_, false_, empty_tuple, empty_str, float_zero, float_neg_zero] {
        Vm::make_immortal(v);
    }
    let singletons = Singletons {
        none,
        true_,
        false_,
        not_implemented,
        ellipsis,
        empty_tuple,
        empty_str,
        float_zero,
        float_neg_zero,
    };

    // 2. The VM.
    let names = crate::names::Names::placeholder(empty_str_obj);
    let mut vm = Box::new(Vm::assemble(heap, types, exceptions, singletons, names, modules, builtins, config));
    vm.names = crate::names::Names::create(&mut vm);

    // 3. Fill the types, bases first.
    for (spec, &ty) in specs.iter().zip(&shells) {
        let base = if std::ptr::eq(*spec, &crate::types::object::SPEC) {
            None
        } else {
            Some(spec.base.map_or(vm.types.object, |base| base(&vm.types)))
        };
        init_builtin_type(&mut vm, ty, spec, base);
    }
    let object = vm.types.object;
    init_builtin_type(&mut vm, base_exception, &crate::types::exception::SPEC, Some(object));
    base_exception.flags.set(base_exception.flags.get() | flags::EXCEPTION);
    for (ty, name, base) in exception_shells {
        let spec = TypeSpec {
            name,
            base: None,
            layout: exception_layout,
            layout_with_attrs: Some(exception_layout),
            methods: &[],
            getsets: &[],
            doc: "",
        };
        init_builtin_type(&mut vm, ty, &spec, Some(base));
        ty.flags.set(ty.flags.get() | flags::EXCEPTION);
    }
    init_well_known(&mut vm);

    // 4. builtins and sys.
    let builtins_module = PyModule::new(&mut vm, "builtins");
    let builtins_dict = vm.builtins;
    // The module's namespace is the interpreter's builtins dict.
    for (k, v) in builtins_module.dict().items() {
        let _ = builtins_dict.set_item(&mut vm, k, v);
    }
    builtins_module.dict.set(builtins_dict.value());
    vm.builtins_module = builtins_module.value();
    if let Err(err) = crate::builtins::populate(&mut vm, builtins_module) {
        panic!("creating builtins failed: {}", crate::toplevel::format_exception(&mut vm, err.exception()));
    }
    let key = vm.intern("builtins");
    let modules = vm.modules;
    let _ = modules.set_item(&mut vm, key, builtins_module.value());
    match crate::import::create_native_module(&mut vm, &crate::sys::SYS) {
        Ok(sys) => {
            vm.sys_module = sys.value();
            let key = vm.intern("sys");
            let modules = vm.modules;
            let _ = modules.set_item(&mut vm, key, sys.value());
        }
        Err(err) => panic!("creating sys failed: {}", crate::toplevel::format_exception(&mut vm, err.exception())),
    }
    if let Err(err) = crate::types::exception_group::install(&mut vm) {
        panic!("creating ExceptionGroup failed: {}", crate::toplevel::format_exception(&mut vm, err.exception()));
    }
    crate::modules::register_all(&mut vm);
    vm.enable_gc();
    vm
}

/// Remember the builtin methods whose identity selects fast paths.
fn init_well_known(vm: &mut Vm) {
    let object = vm.types.object;
    let type_ = vm.types.type_;
    let get = |vm: &mut Vm, ty: Gc<PyType>, name: &str| {
        let key = vm.intern(name).downcast::<PyStr>().expect("str");
        ty.dict().get_str(key).unwrap_or(Value::NULL)
    };
    vm.well_known.object_getattribute = get(vm, object, "__getattribute__");
    vm.well_known.object_setattr = get(vm, object, "__setattr__");
    vm.well_known.object_delattr = get(vm, object, "__delattr__");
    vm.well_known.object_init = get(vm, object, "__init__");
    vm.well_known.object_new = get(vm, object, "__new__");
    vm.well_known.type_getattribute = get(vm, type_, "__getattribute__");
    vm.well_known.type_setattr = get(vm, type_, "__setattr__");
    vm.well_known.type_delattr = get(vm, type_, "__delattr__");
}
