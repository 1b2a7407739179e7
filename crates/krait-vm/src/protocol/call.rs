//! Calling any callable (CPython's `PyObject_Vectorcall`).
//!
//! Python functions get a frame and a run of the interpreter loop; builtin
//! functions and method descriptors call their Rust function directly;
//! bound methods prepend their `self`; everything else (types included)
//! goes through its class's `__call__`.

use crate::error::PyResult;
use crate::interp::call::call_function;
use crate::native::Args;
use crate::object::{Gc, LayoutKind};
use crate::types::descriptor::{PyBoundMethod, PyBuiltinFunction, PyMethodDescriptor};
use crate::types::function::PyFunction;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::Vm;

/// `callable(*args)`.
pub fn call(vm: &mut Vm, callable: Value, args: &[Value]) -> PyResult {
    call_kw(vm, callable, args, None)
}

/// `callable(*positional, **dict(zip(kwnames, keyword values)))`: `args`
/// holds the positional values followed by the keyword values.
pub fn call_kw(vm: &mut Vm, callable: Value, args: &[Value], kwnames: Option<Gc<PyTuple>>) -> PyResult {
    match callable.header().map(|h| h.kind()) {
        Some(LayoutKind::Function) => {
            let func = callable.downcast::<PyFunction>().expect("function");
            call_function(vm, func, args, kwnames)
        }
        Some(LayoutKind::BuiltinFunction) => {
            let f = callable.downcast::<PyBuiltinFunction>().expect("builtin function");
            vm.check_native_stack()?;
            if !f.new_of.is_null() {
                check_new_argument(vm, f.new_of, args.first().copied())?;
            }
            if f.this.is_null() || f.this.has_kind(LayoutKind::Module) {
                (f.def.func)(vm, Args::new(args, kwnames))
            } else if f.def.kind == crate::native::MethodKind::Instance {
                // The builtin type that defines the method: the nearest
                // non-heap type in the MRO (CPython names `str.upper` for a
                // str subclass too).
                let owner = builtin_base(vm.class_of(f.this));
                with_prepended(f.this, args, |all| (f.def.func)(vm, Args::for_method(all, kwnames, owner)))
            } else {
                with_prepended(f.this, args, |all| (f.def.func)(vm, Args::new(all, kwnames)))
            }
        }
        Some(LayoutKind::MethodDescriptor) => {
            let d = callable.downcast::<PyMethodDescriptor>().expect("method descriptor");
            if d.def.kind == crate::native::MethodKind::Class {
                return with_prepended(d.owner.value(), args, |all| (d.def.func)(vm, Args::new(all, kwnames)));
            }
            let Some(&this) = args.first() else {
                let owner = d.owner.name().to_string();
                return Err(vm.type_error(format!("unbound method {owner}.{}() needs an argument", d.def.name)));
            };
            let cls = vm.class_of(this);
            if cls != d.owner && !crate::types::typeobject::is_subtype(cls, d.owner) {
                let (owner, tn) = (d.owner.name().to_string(), cls.name().to_string());
                return Err(vm.type_error(format!(
                    "descriptor '{}' for '{owner}' objects doesn't apply to a '{tn}' object",
                    d.def.name
                )));
            }
            vm.check_native_stack()?;
            (d.def.func)(vm, Args::for_method(args, kwnames, d.owner))
        }
        // A class whose metaclass is exactly `type`: `type.__call__`
        // without looking it up and calling it as a method.
        Some(LayoutKind::Type) if vm.class_of(callable) == vm.types.type_ => {
            vm.check_native_stack()?;
            let owner = vm.types.type_;
            with_prepended(callable, args, |all| {
                crate::types::class::type_call(vm, Args::for_method(all, kwnames, owner))
            })
        }
        Some(LayoutKind::BoundMethod) => {
            let m = callable.downcast::<PyBoundMethod>().expect("bound method");
            let (func, this) = (m.func, m.this);
            with_prepended(this, args, |all| call_kw(vm, func, all, kwnames))
        }
        _ => {
            let cls = vm.class_of(callable);
            match cls.lookup(vm, vm.names.call) {
                Some(method) => with_prepended(callable, args, |all| call_kw(vm, method, all, kwnames)),
                None => {
                    let tn = cls.name().to_string();
                    Err(vm.type_error(format!("'{tn}' object is not callable")))
                }
            }
        }
    }
}

/// Run `f` with `first` prepended to `args`, without a heap allocation for
/// short argument lists. (The values stay rooted: `args` is owned by the
/// caller and `first` by the callable.)
fn with_prepended<R>(first: Value, args: &[Value], f: impl FnOnce(&[Value]) -> R) -> R {
    const INLINE: usize = 8;
    if args.len() < INLINE {
        let mut buffer = [Value::NULL; INLINE];
        buffer[0] = first;
        buffer[1..=args.len()].copy_from_slice(args);
        f(&buffer[..=args.len()])
    } else {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(first);
        all.extend_from_slice(args);
        f(&all)
    }
}

/// `obj.name(*args)`, without making a bound method when the attribute is
/// a plain method.
pub fn call_method(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult {
    let name = vm.intern(name).downcast::<crate::types::str::PyStr>().expect("str");
    match crate::protocol::attr::load_method(vm, obj, name)? {
        crate::protocol::attr::Method::Unbound(method) => with_prepended(obj, args, |all| call(vm, method, all)),
        crate::protocol::attr::Method::Attribute(value) => call(vm, value, args),
    }
}

/// Whether a value can be called (`callable()`).
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v.header().map(|h| h.kind()) {
        Some(
            LayoutKind::Function | LayoutKind::BuiltinFunction | LayoutKind::MethodDescriptor | LayoutKind::BoundMethod,
        ) => true,
        _ => {
            let cls = vm.class_of(v);
            cls.lookup(vm, vm.names.call).is_some()
        }
    }
}

/// The nearest builtin (non-heap) type in `cls`'s MRO.
fn builtin_base(cls: Gc<crate::types::typeobject::PyType>) -> Gc<crate::types::typeobject::PyType> {
    let heap = crate::types::typeobject::flags::HEAPTYPE;
    if !cls.has_flag(heap) {
        return cls;
    }
    cls.mro_tuple()
        .as_slice()
        .iter()
        .filter_map(|t| t.downcast::<crate::types::typeobject::PyType>())
        .find(|t| !t.has_flag(heap))
        .unwrap_or(cls)
}

/// `T.__new__(S, ...)` for a builtin `T`: `S` must be a subtype of `T`
/// (CPython's `tp_new_wrapper`).
fn check_new_argument(vm: &mut Vm, owner: Value, first: Option<Value>) -> PyResult<()> {
    let owner = owner.downcast::<crate::types::typeobject::PyType>().expect("a type");
    let Some(first) = first else {
        let owner_name = owner.name().to_string();
        return Err(vm.type_error(format!("{owner_name}.__new__(): not enough arguments")));
    };
    let Some(cls) = first.downcast::<crate::types::typeobject::PyType>() else {
        let (owner_name, tn) = (owner.name().to_string(), vm.type_name(first));
        return Err(vm.type_error(format!("{owner_name}.__new__(X): X is not a type object ({tn})")));
    };
    if cls != owner && !crate::types::typeobject::is_subtype(cls, owner) {
        let (owner_name, name) = (owner.name().to_string(), cls.name().to_string());
        return Err(vm.type_error(format!("{owner_name}.__new__({name}): {name} is not a subtype of {owner_name}")));
    }
    Ok(())
}
