//! `weakref.ReferenceType` (`_weakref.ref`): a reference that does not keep
//! its referent alive (CPython `Objects/weakrefobject.c`).
//!
//! The payload holds the referent in a field the tracer skips; the
//! collector finds every weakref through `gc::weak::WeakTable`, clears the
//! referent of those whose referent died, and queues their callbacks (see
//! `gc/weak.rs`). The proxies (`weakproxy.rs`) share this payload.
//!
//! CPython's rules kept here: `ref(o)` without a callback returns the
//! existing callback-less `ref` to `o` if there is one (also for proxies);
//! the hash is the referent's, computed once and kept after death; two
//! live refs compare as their referents, otherwise by identity.

use std::cell::Cell;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, LayoutKind, ObjHeader, PyPayload, ValueCell};
use crate::protocol::{compare, hash};
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyWeakRef {
    header: ObjHeader,
    /// The referent, or NULL once cleared. Not traced: this is the weak part.
    referent: Cell<Value>,
    /// The callback, or NULL.
    callback: ValueCell,
    /// The referent's hash, once computed.
    hash: Cell<Option<i64>>,
    /// Creation order, for running callbacks in a deterministic order.
    serial: Cell<u64>,
}

impl_payload!(PyWeakRef, WeakRef, subclassable);

impl PyWeakRef {
    /// The payload of a weakref to `referent` (register it in the VM's
    /// `WeakTable` once allocated: `new_weakref` does).
    pub(crate) fn new(referent: Value, callback: Value) -> PyWeakRef {
        PyWeakRef {
            header: ObjHeader::new(PyWeakRef::LAYOUT, Value::NULL),
            referent: Cell::new(referent),
            callback: ValueCell::new(callback),
            hash: Cell::new(None),
            serial: Cell::new(0),
        }
    }

    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.callback.get());
    }

    /// The referent, if it is still alive.
    pub fn referent(&self) -> Option<Value> {
        let v = self.referent.get();
        (!v.is_null()).then_some(v)
    }

    /// Called by the collector when the referent dies.
    pub(crate) fn clear(&self) {
        self.referent.set(Value::NULL);
    }

    pub(crate) fn has_callback(&self) -> bool {
        !self.callback.get().is_null()
    }

    /// Take the callback (it runs once).
    pub(crate) fn take_callback(&self) -> Value {
        self.callback.replace(Value::NULL)
    }

    pub(crate) fn serial(&self) -> u64 {
        self.serial.get()
    }
}

/// Whether `v` can be weakly referenced: the builtin kinds CPython gives a
/// weak-reference list, and instances of classes with a `__weakref__` slot.
pub fn is_weakrefable(vm: &mut Vm, v: Value) -> bool {
    let Some(header) = v.header() else { return false };
    match header.kind() {
        LayoutKind::Set
        | LayoutKind::Function
        | LayoutKind::Type
        | LayoutKind::Generator
        | LayoutKind::Module
        | LayoutKind::BoundMethod
        | LayoutKind::BuiltinFunction
        | LayoutKind::Code => true,
        _ => {
            let class = vm.class_of(v);
            class.lookup_str(vm, "__weakref__").is_some()
        }
    }
}

/// Make a weak reference of class `cls` (`ref`, a subclass, or a proxy
/// type) to `referent`, with `callback` (None or NULL for none).
pub fn new_weakref(vm: &mut Vm, cls: Gc<PyType>, referent: Value, callback: Value) -> PyResult {
    if !is_weakrefable(vm, referent) {
        // The weakref types' C name (`tp_name`) includes their module.
        let prefix = if referent.has_kind(LayoutKind::WeakRef)
            && !vm.class_of(referent).has_flag(crate::types::typeobject::flags::HEAPTYPE)
        {
            "weakref."
        } else {
            ""
        };
        let tn = format!("{prefix}{}", vm.type_name(referent));
        return Err(vm.type_error(format!("cannot create weak reference to '{tn}' object")));
    }
    let callback = if callback.is_null() || vm.is_none(callback) { Value::NULL } else { callback };
    let reusable =
        callback.is_null() && [vm.types.weakref, vm.types.weakproxy, vm.types.weakcallableproxy].contains(&cls);
    if reusable {
        if let Some(existing) =
            vm.weakrefs.refs_to(referent).iter().find(|w| !w.has_callback() && vm.class_of(w.value()) == cls)
        {
            return Ok(existing.value());
        }
    }
    let weakref = vm.alloc_instance(PyWeakRef::new(referent, callback), cls);
    let serial = vm.weakrefs.register(referent, weakref);
    weakref.serial.set(serial);
    Ok(weakref.value())
}

fn this_ref(vm: &mut Vm, v: Value) -> PyResult<Gc<PyWeakRef>> {
    v.downcast::<PyWeakRef>().ok_or_else(|| vm.type_error("descriptor requires a 'weakref.ReferenceType' object"))
}

/// `ref.__new__(cls, ob, callback=None)`; subclasses may take more arguments
/// (their own `__init__` uses them).
fn ref_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.positional();
    let cls = all.first().and_then(|c| c.downcast::<PyType>());
    let Some(cls) = cls else { return Err(vm.type_error("weakref.__new__(X): X is not a type object")) };
    let exact = cls == vm.types.weakref;
    if all.len() < 2 || (exact && (all.len() > 3 || args.has_kwargs())) {
        let given = all.len().saturating_sub(1);
        return Err(if given == 0 {
            vm.type_error("__new__ expected at least 1 argument, got 0")
        } else {
            vm.type_error(format!("__new__ expected at most 2 arguments, got {given}"))
        });
    }
    let callback = all.get(2).copied().unwrap_or(Value::NULL);
    new_weakref(vm, cls, all[1], callback)
}

fn ref_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let w = this_ref(vm, args.this())?;
    if args.has_kwargs() {
        return Err(vm.type_error("weakref() takes no keyword arguments"));
    }
    if args.positional().len() > 1 {
        let n = args.positional().len() - 1;
        return Err(vm.type_error(format!("weakref expected 0 arguments, got {n}")));
    }
    Ok(w.referent().unwrap_or(vm.none()))
}

fn ref_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let w = this_ref(vm, args.this())?;
    if let Some(h) = w.hash.get() {
        return Ok(vm.new_int(h));
    }
    let Some(referent) = w.referent() else { return Err(vm.type_error("weak object has gone away")) };
    let h = hash::hash(vm, referent)?;
    w.hash.set(Some(h));
    Ok(vm.new_int(h))
}

/// `==` and `!=`: the referents' comparison when both are alive, identity
/// otherwise (CPython's `weakref_richcompare`).
fn ref_compare(vm: &mut Vm, args: Args<'_>, equal: bool) -> PyResult {
    let [this, other] = args.exact::<2>(vm, if equal { "__eq__" } else { "__ne__" })?;
    let a = this_ref(vm, this)?;
    let Some(b) = other.downcast::<PyWeakRef>().filter(|b| !is_proxy(vm, b.value())) else {
        return Ok(vm.not_implemented());
    };
    match (a.referent(), b.referent()) {
        (Some(x), Some(y)) => {
            let op = if equal { krait_bytecode::ComparisonOp::Eq } else { krait_bytecode::ComparisonOp::Ne };
            compare::rich_compare(vm, x, y, op)
        }
        _ => Ok(vm.bool_value(this.is(other) == equal)),
    }
}

pub(crate) fn is_proxy(vm: &Vm, v: Value) -> bool {
    let class = vm.class_of(v);
    class == vm.types.weakproxy || class == vm.types.weakcallableproxy
}

fn ref_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let w = this_ref(vm, args.this())?;
    let at = w.value().to_bits();
    let text = match w.referent() {
        None => format!("<weakref at {at:#x}; dead>"),
        Some(referent) => {
            let tn = vm.type_name(referent);
            let name = crate::protocol::attr::getattr_opt(vm, referent, "__name__").ok().flatten();
            let to = referent.to_bits();
            match name.and_then(|n| n.downcast::<crate::types::str::PyStr>()) {
                Some(n) => format!("<weakref at {at:#x}; to '{tn}' at {to:#x} ({})>", n.as_str()),
                None => format!("<weakref at {at:#x}; to '{tn}' at {to:#x}>"),
            }
        }
    };
    Ok(vm.new_str(&text))
}

pub static REF_SPEC: TypeSpec = TypeSpec {
    name: "ReferenceType",
    base: None,
    layout: PyWeakRef::LAYOUT,
    layout_with_attrs: PyWeakRef::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", ref_new),
        MethodDef::method("__init__", |vm, _| Ok(vm.none())),
        MethodDef::method("__call__", ref_call),
        MethodDef::method("__hash__", ref_hash),
        MethodDef::method("__eq__", |vm, args| ref_compare(vm, args, true)),
        MethodDef::method("__ne__", |vm, args| ref_compare(vm, args, false)),
        MethodDef::method("__repr__", ref_repr),
        MethodDef::classmethod("__class_getitem__", crate::types::generic_alias::class_getitem),
    ],
    getsets: &[GetSetDef::readonly("__callback__", |vm, w| {
        let w = this_ref(vm, w)?;
        let callback = w.callback.get();
        Ok(if callback.is_null() { vm.none() } else { callback })
    })],
    doc: "",
};
