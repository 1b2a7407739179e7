//! `atexit`: functions to run when the interpreter exits (CPython
//! `Modules/atexitmodule.c`). The callbacks are a list of
//! `(func, args, kwargs)` tuples held by the VM (a root); `toplevel::finish`
//! runs them last-registered first, before the exit-time finalizers.
//! `weakref.finalize` relies on this module.

use crate::error::PyResult;
use crate::import::NativeModuleDef;
use crate::native::{Args, MethodDef};
use crate::object::Gc;
use crate::protocol::{attr, call, compare};
use crate::types::dict::PyDict;
use crate::types::list::PyList;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::value::Value;
use crate::vm::Vm;

pub static ATEXIT: NativeModuleDef = NativeModuleDef {
    name: "atexit",
    doc: "allow programmer to define multiple exit functions to be executed\nupon normal program termination.",
    methods: &[
        MethodDef::function("register", register),
        MethodDef::function("unregister", unregister),
        MethodDef::function("_run_exitfuncs", |vm, _| {
            run_exitfuncs(vm);
            Ok(vm.none())
        }),
        MethodDef::function("_clear", |vm, _| {
            callbacks(vm).items.borrow_mut().clear();
            Ok(vm.none())
        }),
        MethodDef::function("_ncallbacks", |vm, _| {
            let n = callbacks(vm).len();
            Ok(vm.new_int(n as i64))
        }),
    ],
    init: None,
};

/// The VM's list of registered callbacks (made on first use).
fn callbacks(vm: &mut Vm) -> Gc<PyList> {
    if let Some(list) = vm.atexit_callbacks.downcast::<PyList>() {
        return list;
    }
    let list = crate::types::list::new_list(vm, &[]);
    vm.atexit_callbacks = list;
    list.downcast::<PyList>().expect("a list")
}

/// `register(func, *args, **kwargs)`: returns `func`.
fn register(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional();
    let Some(&func) = positional.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if attr::lookup_special(vm, func, "__call__").is_none() {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let rest = new_tuple(vm, &positional[1..]);
    let kwargs = if args.has_kwargs() {
        let dict = PyDict::new(vm);
        for (name, value) in args.kwargs() {
            dict.set_item(vm, name.value(), value)?;
        }
        dict.value()
    } else {
        vm.none()
    };
    let entry = new_tuple(vm, &[func, rest, kwargs]);
    callbacks(vm).push(entry);
    Ok(func)
}

/// `unregister(func)`: drop every registration of `func` (compared with `==`).
fn unregister(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [func] = args.exact::<1>(vm, "unregister")?;
    let list = callbacks(vm);
    let mut i = 0;
    while let Some(entry) = list.get(i) {
        let registered = entry.downcast::<PyTuple>().map_or(Value::NULL, |t| t.get(0));
        if compare::eq(vm, registered, func)? {
            list.items.borrow_mut().remove(i);
        } else {
            i += 1;
        }
    }
    Ok(vm.none())
}

/// Run and forget the callbacks, last registered first; errors are printed
/// as CPython's "Exception ignored in atexit callback: ...".
pub fn run_exitfuncs(vm: &mut Vm) {
    let list = callbacks(vm);
    loop {
        let Some(entry) = list.items.borrow_mut().pop() else { break };
        let Some(entry) = entry.downcast::<PyTuple>() else { continue };
        let (func, rest, kwargs) = (entry.get(0), entry.get(1), entry.get(2));
        let positional = rest.downcast::<PyTuple>().map(|t| t.as_slice().to_vec()).unwrap_or_default();
        let result = match kwargs.downcast::<PyDict>() {
            Some(kwargs) => {
                let mut all = positional;
                let mut names = Vec::new();
                for (k, v) in kwargs.items() {
                    names.push(k);
                    all.push(v);
                }
                let names = new_tuple(vm, &names).downcast::<PyTuple>();
                call::call_kw(vm, func, &all, names)
            }
            None => call::call(vm, func, &positional),
        };
        if let Err(err) = result {
            vm.report_unraisable_with(err, "Exception ignored in atexit callback", func);
        }
    }
}
