//! `_weakref`: the weak-reference primitives under CPython's `weakref.py`
//! (CPython `Modules/_weakref.c`). The types are in `types/weakref.rs` and
//! `types/weakproxy.rs`; the collector's side is `gc/weak.rs`.

use crate::error::PyResult;
use crate::import::NativeModuleDef;
use crate::native::{Args, MethodDef, Signature};
use crate::object::Gc;
use crate::types::dict::PyDict;
use crate::types::module::PyModule;
use crate::types::weakref::{new_weakref, PyWeakRef};
use crate::vm::Vm;

pub static WEAKREF: NativeModuleDef = NativeModuleDef {
    name: "_weakref",
    doc: "Weak-reference support module.",
    methods: &[
        MethodDef::function("getweakrefcount", getweakrefcount),
        MethodDef::function("getweakrefs", getweakrefs),
        MethodDef::function("proxy", proxy),
        MethodDef::function("_remove_dead_weakref", remove_dead_weakref),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    crate::types::weakproxy::install(vm);
    let weakref_name = vm.intern("weakref");
    for ty in [vm.types.weakref, vm.types.weakproxy, vm.types.weakcallableproxy] {
        crate::types::typeobject::dict_set_str(vm, ty.dict(), "__module__", weakref_name);
    }
    let (r, p, c) = (vm.types.weakref.value(), vm.types.weakproxy.value(), vm.types.weakcallableproxy.value());
    module.set_attr(vm, "ref", r);
    module.set_attr(vm, "ReferenceType", r);
    module.set_attr(vm, "ProxyType", p);
    module.set_attr(vm, "CallableProxyType", c);
    Ok(())
}

fn getweakrefcount(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [object] = args.exact::<1>(vm, "getweakrefcount")?;
    let count = vm.weakrefs.refs_to(object).len();
    Ok(vm.new_int(count as i64))
}

fn getweakrefs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [object] = args.exact::<1>(vm, "getweakrefs")?;
    let refs: Vec<_> = vm.weakrefs.refs_to(object).iter().map(|w| w.value()).collect();
    // The weakrefs are alive (listed), and `new_list` copies them at once.
    Ok(crate::types::list::new_list(vm, &refs))
}

static PROXY_SIG: Signature =
    Signature { name: "proxy", params: &["object", "callback"], positional_only: 2, keyword_only: 2, required: 1 };

/// `proxy(object[, callback])`: a `CallableProxyType` for callables.
fn proxy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [object, callback] = args.bind::<2>(vm, &PROXY_SIG)?;
    let callable = crate::protocol::attr::lookup_special(vm, object, "__call__").is_some();
    let cls = if callable { vm.types.weakcallableproxy } else { vm.types.weakproxy };
    new_weakref(vm, cls, object, callback)
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead
/// weakref; a missing key is fine.
fn remove_dead_weakref(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [dict, key] = args.exact::<2>(vm, "_remove_dead_weakref")?;
    let Some(dict) = dict.downcast::<PyDict>() else {
        let tn = vm.type_name(dict);
        return Err(vm.type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {tn}")));
    };
    let Some(value) = dict.get_item(vm, key)? else { return Ok(vm.none()) };
    let Some(weakref) = value.downcast::<PyWeakRef>() else { return Err(vm.type_error("not a weakref")) };
    if weakref.referent().is_none() {
        dict.del_item(vm, key)?;
    }
    Ok(vm.none())
}
