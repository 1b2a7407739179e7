//! Class creation and `super`: `builtins.__build_class__`, `type.__new__`,
//! `type.__call__`, the `super` type's behaviour, and `int | str`.
//!
//! ## How a class statement runs
//!
//! `class C(B, metaclass=M, x=1): body` compiles to a call of
//! `__build_class__(func, "C", B, metaclass=M, x=1)`, where `func` is the
//! class body as a function. `build_class` mirrors CPython's
//! `builtin___build_class__`:
//!
//! 1. the bases get their `__mro_entries__` resolved (PEP 560);
//! 2. the metaclass is the explicit one, else the type of the first base,
//!    else `type`; if it is a class, the most derived of it and the bases'
//!    metaclasses wins (`calculate_metaclass`);
//! 3. `M.__prepare__(name, bases, **kw)` makes the namespace;
//! 4. the body runs with that namespace as its locals; it returns the
//!    `__class__` cell when a method uses `super()` or `__class__`;
//! 5. `M(name, bases, namespace, **kw)` makes the class, and the cell must
//!    then hold it (`type.__new__` fills it from `__classcell__`).
//!
//! `type.__new__` (`type_new`) follows CPython's `type_new` /
//! `type_new_impl` / `type_ready`: pick the winning metaclass (handing over
//! to its `__new__` if that is not `type.__new__`), the best base (the base
//! whose instance layout all others' layouts extend), `__slots__`, the dict
//! (`__module__`, `__qualname__`, `__doc__`, the implicit staticmethod and
//! classmethods, member and `__dict__` descriptors, the class cell), the MRO
//! (C3 or the metaclass's `mro()`), subclass registration, and finally
//! `__set_name__` on the attributes and the parent's `__init_subclass__`.
//!
//! ## Layouts
//!
//! A Python class's instances use the Rust layout of its best base plus an
//! attribute area (`PyType::subclass_layout`). `__slots__` are stored in that
//! area like other attributes (through member descriptors), so slots never
//! change the Rust layout; a class with slots still counts as a "solid" base
//! for the lay-out conflict check, as in CPython, so that the same class
//! hierarchies are rejected.
//!
//! ## super
//!
//! `super()` with no arguments reads the caller's frame the way CPython's
//! `super_init_without_args` does: the first local (through its cell if it
//! was captured) and the `__class__` free variable. Attribute lookup on a
//! super object searches the MRO of the object's type after `__thisclass__`.

use crate::error::{PyErr, PyResult};
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, LayoutKind, PyPayload};
use crate::protocol::attr::call_descriptor_get;
use crate::protocol::{attr, call};
use crate::rooted::RootedVec;
use crate::types::descriptor::{self, PySuper};
use crate::types::dict::PyDict;
use crate::types::exception::PyBaseException;
use crate::types::function::{PyCell, PyFunction};
use crate::types::object::PyObject;
use crate::types::str::PyStr;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::{compute_mro, dict_set_str, flags, is_subtype, PyType};
use crate::value::Value;
use crate::vm::Vm;

// ---- small helpers -----------------------------------------------------------------------------

/// An interned name as a `PyStr`.
fn name(vm: &mut Vm, text: &str) -> Gc<PyStr> {
    vm.intern(text).downcast::<PyStr>().expect("interned str")
}

/// The values of the keyword arguments (positional ones excluded).
fn kw_values<'a>(args: &Args<'a>) -> &'a [Value] {
    &args.all()[args.positional().len()..]
}

/// `[first, rest...]`.
fn prepend(first: Value, rest: &[Value]) -> Vec<Value> {
    let mut all = Vec::with_capacity(rest.len() + 1);
    all.push(first);
    all.extend_from_slice(rest);
    all
}

/// `tp_name` of a type: `__name__` (Krait's builtin types have no module
/// prefix in their name).
fn type_name_of(ty: Gc<PyType>) -> String {
    ty.name().to_string()
}

// ---- type.__call__ -----------------------------------------------------------------------------

/// `type.__call__(cls, *args, **kwargs)`: CPython's `type_call`. `type(x)`
/// is the class of `x`; otherwise `cls.__new__(cls, ...)` makes the object
/// and, if it is an instance of `cls`, `type(obj).__init__(obj, ...)`
/// initialises it.
pub fn type_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    let cls_value = all[0];
    let Some(cls) = cls_value.downcast::<PyType>() else {
        let tn = vm.type_name(cls_value);
        return Err(vm.type_error(format!("descriptor '__call__' requires a 'type' object but received a '{tn}'")));
    };
    let rest = &all[1..];
    let kwnames = args.kwnames();
    let npositional = args.positional().len() - 1;
    if cls == vm.types.type_ {
        if npositional == 1 && !args.has_kwargs() {
            return Ok(vm.class_of(rest[0]).value());
        }
        if npositional != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let new_name = vm.names.new;
    let Some(new) = cls.lookup(vm, new_name) else {
        let tn = type_name_of(cls);
        return Err(vm.type_error(format!("cannot create '{tn}' instances")));
    };
    // A builtin type's `__new__` is a builtin function, which has no
    // `__get__` (as in CPython): skip the descriptor protocol for it.
    let new = if new.has_kind(LayoutKind::BuiltinFunction) {
        new
    } else {
        call_descriptor_get(vm, new, Value::NULL, cls_value)?
    };
    // (cls, *args), then (obj, *args) for `__init__`: on the stack for the
    // common short argument lists. Every value is also held by the caller.
    let mut call_args: smallvec::SmallVec<[Value; 8]> = smallvec::SmallVec::with_capacity(rest.len() + 1);
    call_args.push(cls_value);
    call_args.extend_from_slice(rest);
    let obj = call::call_kw(vm, new, &call_args, kwnames)?;
    if !vm.is_instance(obj, cls) {
        return Ok(obj);
    }
    let obj_type = vm.class_of(obj);
    let init_name = vm.names.init;
    let Some(init) = obj_type.lookup(vm, init_name) else {
        return Ok(obj);
    };
    if init.is(vm.well_known.object_init) {
        // Straight to `object.__init__`'s Rust function, without the call.
        call_args[0] = obj;
        crate::types::object::object_init(vm, Args::new(&call_args, kwnames))?;
        return Ok(obj);
    }
    let result = if init.has_kind(LayoutKind::Function) || init.has_kind(LayoutKind::MethodDescriptor) {
        call_args[0] = obj;
        call::call_kw(vm, init, &call_args, kwnames)?
    } else {
        let bound = call_descriptor_get(vm, init, obj, obj_type.value())?;
        call::call_kw(vm, bound, rest, kwnames)?
    };
    if !vm.is_none(result) {
        return Err(init_returned(vm, result));
    }
    Ok(obj)
}

/// The error for an `__init__` that returned `result`, not None.
pub fn init_returned(vm: &mut Vm, result: Value) -> crate::error::PyErr {
    let tn = vm.type_name(result);
    vm.type_error(format!("__init__() should return None, not '{tn}'"))
}

// ---- the metaclass and the best base --------------------------------------------------------

/// `_PyType_CalculateMetaclass`: the most derived of `metatype` and the
/// types of the bases.
fn calculate_metaclass(vm: &mut Vm, metatype: Gc<PyType>, bases: &[Value]) -> PyResult<Gc<PyType>> {
    let mut winner = metatype;
    for &base in bases {
        let base_type = vm.class_of(base);
        if is_subtype(winner, base_type) {
            continue;
        }
        if is_subtype(base_type, winner) {
            winner = base_type;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Whether `ty` adds instance state to its base (CPython's `extra_ivars`):
/// a different Rust layout, or `__slots__` of its own.
fn extra_ivars(ty: Gc<PyType>, base: Gc<PyType>) -> bool {
    if ty.instance_layout().kind != base.instance_layout().kind {
        return true;
    }
    ty.slot_names.get().downcast::<PyTuple>().is_some_and(|slots| !slots.is_empty())
}

/// `solid_base`: the nearest ancestor whose instances have their own state.
fn solid_base(vm: &Vm, ty: Gc<PyType>) -> Gc<PyType> {
    let base = match ty.solid_base() {
        Some(b) => solid_base(vm, b),
        None => vm.types.object,
    };
    if ty != base && extra_ivars(ty, base) {
        ty
    } else {
        base
    }
}

/// CPython's `best_base`: the base whose solid base every other base's
/// solid base is an ancestor of.
fn best_base(vm: &mut Vm, bases: &[Value]) -> PyResult<Gc<PyType>> {
    let mut base: Option<Gc<PyType>> = None;
    let mut winner: Option<Gc<PyType>> = None;
    for &b in bases {
        let Some(base_i) = b.downcast::<PyType>() else {
            return Err(vm.type_error("bases must be types"));
        };
        if !base_i.has_flag(flags::BASETYPE) {
            let tn = type_name_of(base_i);
            return Err(vm.type_error(format!("type '{tn}' is not an acceptable base type")));
        }
        let candidate = solid_base(vm, base_i);
        match winner {
            None => {
                winner = Some(candidate);
                base = Some(base_i);
            }
            Some(w) if is_subtype(w, candidate) => {}
            Some(w) if is_subtype(candidate, w) => {
                winner = Some(candidate);
                base = Some(base_i);
            }
            Some(_) => return Err(vm.type_error("multiple bases have instance lay-out conflict")),
        }
    }
    Ok(base.unwrap_or(vm.types.object))
}

/// Whether instances of `base` already have a `__dict__`.
fn base_has_dict(base: Gc<PyType>) -> bool {
    base.has_flag(flags::EXCEPTION) || (base.instance_layout().attrs_offset != 0 && !base.has_flag(flags::NO_DICT))
}

/// Whether instances of `base` already have a `__weakref__` slot (a Python
/// class up the MRO added one).
fn base_has_weakref(vm: &mut Vm, base: Gc<PyType>) -> bool {
    let key = name(vm, "__weakref__");
    base.lookup_uncached(key).is_some()
}

/// Whether `base` is a variable-size type (CPython's `tp_itemsize != 0`),
/// whose subclasses cannot have non-empty `__slots__`.
fn is_var_sized(base: Gc<PyType>) -> bool {
    matches!(base.instance_layout().kind, LayoutKind::Int | LayoutKind::Tuple | LayoutKind::Bytes)
}

// ---- type.__new__ ----------------------------------------------------------------------------

/// `type.__new__(metatype, name, bases, namespace, **kwargs)`: create a
/// class (CPython's `type_new`).
pub fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    let Some(&meta_value) = all.first() else {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    };
    let Some(metatype) = meta_value.downcast::<PyType>() else {
        let tn = vm.type_name(meta_value);
        return Err(vm.type_error(format!("type.__new__(X): X is not a type object ({tn})")));
    };
    if !is_subtype(metatype, vm.types.type_) {
        let tn = type_name_of(metatype);
        return Err(vm.type_error(format!("type.__new__({tn}): {tn} is not a subtype of type")));
    }
    let positional = &args.positional()[1..];
    if positional.len() != 3 {
        return Err(vm.type_error(format!("type.__new__() takes exactly 3 arguments ({} given)", positional.len())));
    }
    let Some(class_name) = positional[0].downcast::<PyStr>() else {
        let tn = vm.type_name(positional[0]);
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {tn}")));
    };
    let Some(bases) = positional[1].downcast::<PyTuple>() else {
        let tn = vm.type_name(positional[1]);
        return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {tn}")));
    };
    let Some(namespace) = positional[2].downcast::<PyDict>() else {
        let tn = vm.type_name(positional[2]);
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {tn}")));
    };

    // type_new_get_bases
    let (metatype, bases, base) = if bases.is_empty() {
        let object = vm.types.object.value();
        let bases = new_tuple(vm, &[object]).downcast::<PyTuple>().expect("tuple");
        (metatype, bases, vm.types.object)
    } else {
        for &b in bases.as_slice() {
            if b.downcast::<PyType>().is_some() {
                continue;
            }
            if attr::getattr_opt(vm, b, "__mro_entries__")?.is_some() {
                return Err(vm.type_error("type() doesn't support MRO entry resolution; use types.new_class()"));
            }
        }
        let winner = calculate_metaclass(vm, metatype, bases.as_slice())?;
        if winner != metatype {
            let new_name = vm.names.new;
            let winner_new = winner.lookup(vm, new_name);
            let type_new_descr = vm.types.type_.dict().get_str(new_name);
            if let (Some(new), Some(ours)) = (winner_new, type_new_descr) {
                if !new.is(ours) {
                    // Hand over to the winner's own __new__.
                    let new = call_descriptor_get(vm, new, Value::NULL, winner.value())?;
                    let call_args = prepend(winner.value(), &all[1..]);
                    return call::call_kw(vm, new, &call_args, args.kwnames());
                }
            }
        }
        let base = best_base(vm, bases.as_slice())?;
        (winner, bases, base)
    };
    let ty = new_class(vm, metatype, class_name, bases, base, namespace)?;
    finish_class(vm, ty, kw_values(&args), args.kwnames())?;
    Ok(ty.value())
}

/// The slots a class declares, after checking them (CPython's
/// `type_new_visit_slots` and `type_new_copy_slots`).
struct Slots {
    /// Mangled member names, sorted.
    members: Vec<Value>,
    add_dict: bool,
    add_weak: bool,
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || crate::unicode::is_xid_start(c) => {}
        _ => return false,
    }
    chars.all(crate::unicode::is_xid_continue)
}

/// `_Py_Mangle`: `__x` inside class `_C` becomes `_C__x`.
fn mangle(class_name: &str, ident: &str) -> Option<String> {
    if !ident.starts_with("__") || ident.ends_with("__") || ident.contains('.') {
        return None;
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return None;
    }
    Some(format!("_{stripped}{ident}"))
}

fn read_slots(
    vm: &mut Vm,
    class_name: Gc<PyStr>,
    base: Gc<PyType>,
    dict: Gc<PyDict>,
    slots_value: Value,
) -> PyResult<Slots> {
    let item_list = if slots_value.downcast::<PyStr>().is_some() {
        let list = RootedVec::new(vm);
        list.push(vm, slots_value);
        list.list()
    } else {
        crate::protocol::iter::collect(vm, slots_value)?
    };
    let items = item_list.to_vec();
    let may_add_dict = !base_has_dict(base);
    let may_add_weak = !base_has_weakref(vm, base) && !is_var_sized(base);
    let (mut add_dict, mut add_weak) = (false, false);
    let mut plain = 0usize;
    for &item in &items {
        let Some(s) = item.downcast::<PyStr>() else {
            let tn = vm.type_name(item);
            return Err(vm.type_error(format!("__slots__ items must be strings, not '{tn}'")));
        };
        if !is_identifier(s.as_str()) {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        match s.as_str() {
            "__dict__" => {
                if !may_add_dict || add_dict {
                    return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                }
                add_dict = true;
            }
            "__weakref__" => {
                if !may_add_weak || add_weak {
                    return Err(
                        vm.type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0")
                    );
                }
                add_weak = true;
            }
            _ => plain += 1,
        }
    }
    if plain > 0 && is_var_sized(base) {
        let tn = type_name_of(base);
        return Err(vm.type_error(format!("nonempty __slots__ not supported for subtype of '{tn}'")));
    }
    let mut names: Vec<String> = Vec::new();
    for &item in &items {
        let s = item.downcast::<PyStr>().expect("checked above");
        let text = s.as_str();
        if (add_dict && text == "__dict__") || (add_weak && text == "__weakref__") {
            continue;
        }
        let mangled = mangle(class_name.as_str(), text).unwrap_or_else(|| text.to_string());
        if mangled != "__qualname__" && mangled != "__classcell__" {
            let key = name(vm, &mangled);
            if dict.get_str(key).is_some() {
                let repr = crate::types::str::repr_str(&mangled);
                return Err(vm.value_error(format!("{repr} in __slots__ conflicts with class variable")));
            }
        }
        names.push(mangled);
    }
    names.sort();
    let members = names.iter().map(|n| vm.intern(n)).collect();
    // The items stay reachable through the list until here.
    std::hint::black_box(item_list);
    Ok(Slots { members, add_dict, add_weak })
}

/// `obj.__dict__` of instances of Python classes.
static DICT_GETSET: GetSetDef = GetSetDef::new("__dict__", attr::instance_dict, set_instance_dict);

/// `obj.__weakref__`: the object's oldest weak reference, or None.
static WEAKREF_GETSET: GetSetDef =
    GetSetDef::readonly("__weakref__", |vm, obj| Ok(vm.weakrefs.refs_to(obj).first().map_or(vm.none(), |w| w.value())));

fn set_instance_dict(vm: &mut Vm, obj: Value, value: Value) -> PyResult<()> {
    if value.is_null() {
        return Err(vm.type_error("cannot delete __dict__"));
    }
    attr::set_instance_dict(vm, obj, value)
}

/// Allocate and fill the class object (CPython's `type_new_impl` up to and
/// including `PyType_Ready`).
fn new_class(
    vm: &mut Vm,
    metatype: Gc<PyType>,
    class_name: Gc<PyStr>,
    bases: Gc<PyTuple>,
    base: Gc<PyType>,
    namespace: Gc<PyDict>,
) -> PyResult<Gc<PyType>> {
    if class_name.as_str().contains('\0') {
        return Err(vm.value_error("type name must not contain null characters"));
    }
    let dict = namespace.copy(vm);

    let slots_key = vm.names.slots;
    let slots = match dict.get_str(slots_key) {
        Some(value) => Some(read_slots(vm, class_name, base, dict, value)?),
        None => None,
    };
    let has_dict = base_has_dict(base);
    let (add_dict, add_weak) = match &slots {
        Some(s) => (s.add_dict, s.add_weak),
        None => (!has_dict, !base_has_weakref(vm, base) && !is_var_sized(base)),
    };

    let Some(layout) = base.subclass_layout() else {
        let tn = type_name_of(base);
        return Err(vm.type_error(format!("type '{tn}' is not an acceptable base type")));
    };
    let ty = vm.alloc_instance(PyType::empty(layout), metatype);
    ty.set_name(class_name.as_str());
    ty.base.set(base.value());
    ty.bases.set(bases.value());
    ty.dict.set(dict.value());
    let mut type_flags = flags::HEAPTYPE | flags::BASETYPE;
    if !add_dict && !has_dict {
        type_flags |= flags::NO_DICT;
    }
    ty.flags.set(type_flags);
    // A provisional MRO, so the class can be looked at while it is filled in.
    let provisional = prepend(ty.value(), base.mro_tuple().as_slice());
    let provisional = new_tuple(vm, &provisional);
    ty.mro.set(provisional);

    // __module__, from the caller's globals when the namespace has none.
    let module_key = vm.names.module;
    if dict.get_str(module_key).is_none() {
        if let Some(globals) = crate::interp::current_globals(vm) {
            let name_key = vm.names.name;
            if let Some(module) = globals.get_str(name_key) {
                dict.set_str(vm, module_key, module);
            }
        }
    }

    // __qualname__ (taken out of the dict).
    let qualname_key = vm.names.qualname;
    match dict.get_str(qualname_key) {
        Some(q) => {
            if q.downcast::<PyStr>().is_none() {
                let tn = vm.type_name(q);
                return Err(vm.type_error(format!("type __qualname__ must be a str, not {tn}")));
            }
            ty.qualname.set(q);
            dict.del_str(qualname_key);
        }
        None => ty.qualname.set(class_name.value()),
    }

    // __new__ is a static method; __init_subclass__ and __class_getitem__
    // are class methods (when given as plain functions).
    let new_name = vm.names.new;
    if let Some(f) = dict.get_str(new_name) {
        if f.has_kind(LayoutKind::Function) {
            let wrapped = descriptor::new_staticmethod(vm, f);
            dict.set_str(vm, new_name, wrapped);
        }
    }
    for special in ["__init_subclass__", "__class_getitem__"] {
        let key = name(vm, special);
        if let Some(f) = dict.get_str(key) {
            if f.has_kind(LayoutKind::Function) {
                let classmethod = vm.types.classmethod.value();
                let wrapped = call::call(vm, classmethod, &[f])?;
                dict.set_str(vm, key, wrapped);
            }
        }
    }

    // The __class__ cell.
    let classcell_key = vm.names.classcell;
    if let Some(cell) = dict.get_str(classcell_key) {
        let Some(cell) = cell.downcast::<PyCell>() else {
            let cell_type = vm.class_of(cell).value();
            let repr = crate::protocol::object::repr(vm, cell_type)?;
            return Err(vm.type_error(format!("__classcell__ must be a nonlocal cell, not {}", repr.as_str())));
        };
        cell.contents.set(ty.value());
        dict.del_str(classcell_key);
    }

    // Slot members, then the __dict__ and __weakref__ descriptors.
    if let Some(slots) = &slots {
        for &member in &slots.members {
            let member_name = member.downcast::<PyStr>().expect("interned str");
            let descr = descriptor::new_member_descriptor(vm, ty, member_name);
            dict.set_str(vm, member_name, descr);
        }
        let names = new_tuple(vm, &slots.members);
        ty.slot_names.set(names);
    }
    if add_dict {
        let descr = descriptor::new_getset_descriptor(vm, ty, &DICT_GETSET);
        dict_set_str(vm, dict, "__dict__", descr);
    }
    if add_weak {
        let descr = descriptor::new_getset_descriptor(vm, ty, &WEAKREF_GETSET);
        dict_set_str(vm, dict, "__weakref__", descr);
    }
    let doc_key = vm.names.doc;
    if dict.get_str(doc_key).is_none() {
        let none = vm.none();
        dict.set_str(vm, doc_key, none);
    }
    // A class that defines `__eq__` but not `__hash__` is unhashable
    // (CPython's `type_new_set_hash`... via `inherit_slots`).
    if dict.get_str(vm.names.eq).is_some() && dict.get_str(vm.names.hash).is_none() {
        let (hash_key, none) = (vm.names.hash, vm.none());
        dict.set_str(vm, hash_key, none);
    }

    // The MRO.
    let mut base_types = Vec::with_capacity(bases.len());
    for &b in bases.as_slice() {
        let b = b.downcast::<PyType>().expect("bases are types");
        if base_types.contains(&b) {
            let tn = type_name_of(b);
            return Err(vm.type_error(format!("duplicate base class {tn}")));
        }
        base_types.push(b);
    }
    let mro = compute_mro(ty, &base_types).map_err(|message| vm.type_error(message))?;
    let mro_values: Vec<Value> = mro.iter().map(|t| t.value()).collect();
    let mro_tuple = new_tuple(vm, &mro_values);
    ty.mro.set(mro_tuple);
    ty.invalidate_version();
    if metatype != vm.types.type_ {
        custom_mro(vm, metatype, ty)?;
    }
    let mro = ty.mro_tuple();
    if mro.as_slice().iter().filter_map(|t| t.downcast::<PyType>()).any(|t| t.has_flag(flags::EXCEPTION)) {
        ty.flags.set(ty.flags.get() | flags::EXCEPTION);
    }
    if ty.lookup_str(vm, "__del__").is_some() {
        ty.flags.set(ty.flags.get() | flags::HAS_FINALIZER);
    }

    for b in base_types {
        b.subclasses.borrow_mut().push(ty.value());
    }
    vm.all_types.push(ty.value());
    ty.invalidate_version();
    Ok(ty)
}

/// `mro_internal` for a metaclass that overrides `mro()`: call it and check
/// what it returned (CPython's `mro_check`).
fn custom_mro(vm: &mut Vm, metatype: Gc<PyType>, ty: Gc<PyType>) -> PyResult<()> {
    let mro_key = name(vm, "mro");
    let Some(method) = metatype.lookup(vm, mro_key) else {
        return Ok(());
    };
    if vm.types.type_.dict().get_str(mro_key).is_some_and(|ours| ours.is(method)) {
        return Ok(());
    }
    let bound = call_descriptor_get(vm, method, ty.value(), metatype.value())?;
    let result = call::call(vm, bound, &[])?;
    let list = crate::protocol::iter::collect(vm, result)?;
    let items = list.to_vec();
    let solid = solid_base(vm, ty);
    for &item in &items {
        let Some(entry) = item.downcast::<PyType>() else {
            let tn = vm.type_name(item);
            return Err(vm.type_error(format!("mro() returned a non-class ('{tn}')")));
        };
        let entry_solid = solid_base(vm, entry);
        if !is_subtype(solid, entry_solid) {
            let tn = type_name_of(entry);
            return Err(vm.type_error(format!("mro() returned base with unsuitable layout ('{tn}')")));
        }
    }
    let tuple = new_tuple(vm, &items);
    ty.mro.set(tuple);
    ty.invalidate_version();
    Ok(())
}

/// After the class exists: `__set_name__` on its attributes, then the
/// parent's `__init_subclass__(**kwargs)` (CPython's `type_new_set_names`
/// and `type_new_init_subclass`).
fn finish_class(vm: &mut Vm, ty: Gc<PyType>, kw_values: &[Value], kwnames: Option<Gc<PyTuple>>) -> PyResult<()> {
    // Iterate over a copy: `__set_name__` may change the class dict.
    let snapshot = ty.dict().copy(vm);
    for (key, value) in snapshot.items() {
        let Some(set_name) = attr::lookup_special(vm, value, "__set_name__") else {
            continue;
        };
        let value_type = vm.class_of(value);
        let result = call_descriptor_get(vm, set_name, value, value_type.value())
            .and_then(|bound| call::call(vm, bound, &[ty.value(), key]));
        if let Err(cause) = result {
            let key_repr = crate::protocol::object::repr(vm, key)?;
            let message = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                type_name_of(value_type),
                key_repr.as_str(),
                type_name_of(ty)
            );
            let runtime_error = vm.exceptions.runtime_error;
            return Err(error_from_cause(vm, runtime_error, message, cause));
        }
    }
    std::hint::black_box(snapshot);

    // super(ty, ty).__init_subclass__(**kwargs)
    let init_subclass = vm.names.init_subclass;
    if let Some(descr) = lookup_after(ty, ty, init_subclass) {
        let bound = call_descriptor_get(vm, descr, Value::NULL, ty.value())?;
        call::call_kw(vm, bound, kw_values, kwnames)?;
    }
    Ok(())
}

/// `_PyErr_FormatFromCause`: a new exception whose `__cause__` (and
/// context) is `cause`.
fn error_from_cause(vm: &mut Vm, ty: Gc<PyType>, message: String, cause: PyErr) -> PyErr {
    let err = vm.new_error(ty, message);
    if let Some(exc) = err.exception().downcast::<PyBaseException>() {
        exc.cause.set(cause.exception());
        exc.context.set(cause.exception());
        exc.suppress_context.set(true);
    }
    err
}

/// Look `name` up in the MRO of `start` after `this` (the search `super`
/// does); the raw dict entry.
fn lookup_after(start: Gc<PyType>, this: Gc<PyType>, name: Gc<PyStr>) -> Option<Value> {
    let mro = start.mro_tuple();
    let items = mro.as_slice();
    let n = items.len();
    let mut i = 0;
    while i + 1 < n {
        if items[i].is(this.value()) {
            break;
        }
        i += 1;
    }
    i += 1;
    for &entry in items.get(i..).unwrap_or(&[]) {
        if let Some(entry) = entry.downcast::<PyType>() {
            if let Some(found) = entry.dict().get_str(name) {
                return Some(found);
            }
        }
    }
    None
}

// ---- __build_class__ ---------------------------------------------------------------------------

/// `builtins.__build_class__`, for the core to add to the builtins module.
pub static BUILD_CLASS_DEF: MethodDef = MethodDef::function("__build_class__", build_class);

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`: run a
/// class statement (CPython's `builtin___build_class__`).
pub fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional();
    if positional.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let Some(func) = positional[0].downcast::<PyFunction>() else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let class_name = positional[1];
    if class_name.downcast::<PyStr>().is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases_values = &positional[2..];
    let orig_bases = new_tuple(vm, orig_bases_values);
    let bases = update_bases(vm, orig_bases)?;
    let bases_tuple = bases.downcast::<PyTuple>().expect("tuple");

    // The keyword arguments, without `metaclass`.
    let mut meta = Value::NULL;
    let kw_names_list = RootedVec::new(vm);
    let kw_values_list = RootedVec::new(vm);
    for (kw, value) in args.kwargs() {
        if kw.as_str() == "metaclass" {
            meta = value;
        } else {
            kw_names_list.push(vm, kw.value());
            kw_values_list.push(vm, value);
        }
    }
    let kw_values = kw_values_list.to_vec();
    let kwnames = if kw_values.is_empty() {
        None
    } else {
        let names = kw_names_list.to_vec();
        new_tuple(vm, &names).downcast::<PyTuple>()
    };

    let is_class;
    if meta.is_null() {
        meta = match bases_tuple.as_slice().first() {
            None => vm.types.type_.value(),
            Some(&base0) => vm.class_of(base0).value(),
        };
        is_class = true;
    } else {
        is_class = meta.downcast::<PyType>().is_some();
    }
    if is_class {
        let meta_type = meta.downcast::<PyType>().expect("a type");
        meta = calculate_metaclass(vm, meta_type, bases_tuple.as_slice())?.value();
    }

    // The namespace.
    let namespace = match attr::getattr_opt(vm, meta, "__prepare__")? {
        None => PyDict::new(vm).value(),
        Some(prepare) => {
            let mut prepare_args = vec![class_name, bases];
            prepare_args.extend_from_slice(&kw_values);
            call::call_kw(vm, prepare, &prepare_args, kwnames)?
        }
    };
    let is_mapping = namespace.downcast::<PyDict>().is_some() || {
        let ns_type = vm.class_of(namespace);
        let getitem = vm.names.getitem;
        ns_type.lookup(vm, getitem).is_some()
    };
    if !is_mapping {
        let meta_name = match meta.downcast::<PyType>() {
            Some(t) if is_class => type_name_of(t),
            _ => "<metaclass>".to_string(),
        };
        let tn = vm.type_name(namespace);
        return Err(vm.type_error(format!("{meta_name}.__prepare__() must return a mapping, not {tn}")));
    }

    // The body.
    let cell = crate::interp::call::exec_class_body(vm, func, namespace)?;
    if !bases.is(orig_bases) {
        let key = vm.intern("__orig_bases__");
        crate::protocol::sequence::setitem(vm, namespace, key, orig_bases)?;
    }

    // The class.
    let mut meta_args = vec![class_name, bases, namespace];
    meta_args.extend_from_slice(&kw_values);
    let cls = call::call_kw(vm, meta, &meta_args, kwnames)?;
    if let (true, Some(cell)) = (vm.is_type(cls), cell.downcast::<PyCell>()) {
        let cell_cls = cell.contents.get();
        if !cell_cls.is(cls) {
            let name_repr = crate::protocol::object::repr(vm, class_name)?;
            let cls_repr = crate::protocol::object::repr(vm, cls)?;
            if cell_cls.is_null() {
                return Err(vm.runtime_error(format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    name_repr.as_str(),
                    cls_repr.as_str()
                )));
            }
            let cell_repr = crate::protocol::object::repr(vm, cell_cls)?;
            return Err(vm.type_error(format!(
                "__class__ set to {} defining {} as {}",
                cell_repr.as_str(),
                name_repr.as_str(),
                cls_repr.as_str()
            )));
        }
    }
    Ok(cls)
}

/// PEP 560's `update_bases`: replace each non-class base that has
/// `__mro_entries__` by what it returns. Returns `orig_bases` itself when
/// nothing changed.
fn update_bases(vm: &mut Vm, orig_bases: Value) -> PyResult {
    let bases = orig_bases.downcast::<PyTuple>().expect("tuple");
    let mut new_bases: Option<RootedVec> = None;
    for (i, &base) in bases.as_slice().iter().enumerate() {
        if vm.is_type(base) {
            if let Some(list) = new_bases {
                list.push(vm, base);
            }
            continue;
        }
        let Some(method) = attr::getattr_opt(vm, base, "__mro_entries__")? else {
            if let Some(list) = new_bases {
                list.push(vm, base);
            }
            continue;
        };
        let entries = call::call(vm, method, &[orig_bases])?;
        let Some(entries) = entries.downcast::<PyTuple>() else {
            return Err(vm.type_error("__mro_entries__ must return a tuple"));
        };
        let list = match new_bases {
            Some(list) => list,
            None => {
                let list = RootedVec::new(vm);
                for &earlier in &bases.as_slice()[..i] {
                    list.push(vm, earlier);
                }
                new_bases = Some(list);
                list
            }
        };
        for &entry in entries.as_slice() {
            list.push(vm, entry);
        }
    }
    match new_bases {
        None => Ok(orig_bases),
        Some(list) => {
            let items = list.to_vec();
            Ok(new_tuple(vm, &items))
        }
    }
}

// ---- setting attributes on classes -----------------------------------------------------------

/// Called by `type.__setattr__` after `cls.name = value` (or `del`) has
/// changed a class's dict, once its version tag has been invalidated.
///
/// This is where flags derived from special names are kept in step with
/// the dict, the way CPython's `update_slot` refreshes the C slots. Krait
/// finds dunders through the MRO (guarded by version tags) rather than
/// caching them in the type, and `__abstractmethods__` keeps its flag
/// through its own setter, so there is nothing to update yet; a future
/// per-type cache of special methods would be refreshed here, for `ty` and
/// its subclasses.
pub fn update_special_flags(vm: &mut Vm, ty: Gc<PyType>, name: Gc<PyStr>) {
    if name.as_str() == "__del__" {
        // Assigning `__del__` to a class (or a base) makes the instances
        // created from now on finalizer candidates (PyPy's rule: instances
        // that exist already are not finalized).
        let mut pending = vec![ty.value()];
        while let Some(t) = pending.pop() {
            let Some(t) = t.downcast::<PyType>() else { continue };
            let has = t.lookup_str(vm, "__del__").is_some();
            let bits = t.flags.get() & !flags::HAS_FINALIZER;
            t.flags.set(if has { bits | flags::HAS_FINALIZER } else { bits });
            pending.extend(t.subclasses.borrow().iter().copied());
        }
    }
}

// ---- super ----------------------------------------------------------------------------------

fn this_super(vm: &mut Vm, v: Value) -> PyResult<Gc<PySuper>> {
    match v.downcast::<PySuper>() {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '__init__' requires a 'super' object but received a '{tn}'")))
        }
    }
}

/// `super.__new__(cls, ...)`: an empty super object (`__init__` fills it).
pub fn super_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls_value = args.all().first().copied().unwrap_or(Value::NULL);
    let Some(cls) = cls_value.downcast::<PyType>() else {
        return Err(vm.type_error("super.__new__(X): X is not a type object"));
    };
    if !is_subtype(cls, vm.types.super_) {
        let tn = type_name_of(cls);
        return Err(vm.type_error(format!("super.__new__({tn}): {tn} is not a subtype of super")));
    }
    Ok(vm.alloc_instance(PySuper::new(), cls).value())
}

/// `super.__init__(self, type=<from frame>, obj=<from frame>)`.
pub fn super_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = this_super(vm, args.this())?;
    if args.has_kwargs() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    let rest = &args.positional()[1..];
    if rest.len() > 2 {
        return Err(vm.type_error(format!("super() expected at most 2 arguments, got {}", rest.len())));
    }
    let (this_type, mut obj) = match rest {
        [] => super_args_from_frame(vm)?,
        [ty, more @ ..] => {
            let Some(ty) = ty.downcast::<PyType>() else {
                let tn = vm.type_name(*ty);
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
            };
            (ty, more.first().copied().unwrap_or(Value::NULL))
        }
    };
    if vm.is_none(obj) {
        obj = Value::NULL;
    }
    let obj_type = if obj.is_null() { Value::NULL } else { supercheck(vm, this_type, obj)?.value() };
    this.this_type.set(this_type.value());
    this.obj.set(obj);
    this.obj_type.set(obj_type);
    Ok(vm.none())
}

/// The zero-argument form: `__class__` and the first argument of the
/// calling frame (CPython's `super_init_without_args`).
fn super_args_from_frame(vm: &mut Vm) -> PyResult<(Gc<PyType>, Value)> {
    use krait_bytecode::local_kind;
    let Some(frame) = vm.thread.frames.last() else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    let code = frame.code;
    let base = frame.base;
    if code.code.arg_count == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let kinds = &code.code.localsplus_kinds;
    let mut first = vm.thread.stack[base];
    if kinds.first().is_some_and(|&k| k & local_kind::CELL != 0) {
        if let Some(cell) = first.downcast::<PyCell>() {
            first = cell.contents.get();
        }
    }
    if first.is_null() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    for (i, &local_name) in code.localsplus_names.iter().enumerate() {
        if kinds.get(i).is_none_or(|&k| k & local_kind::FREE == 0) {
            continue;
        }
        if local_name.downcast::<PyStr>().is_none_or(|s| s.as_str() != "__class__") {
            continue;
        }
        let Some(cell) = vm.thread.stack[base + i].downcast::<PyCell>() else {
            return Err(vm.runtime_error("super(): bad __class__ cell"));
        };
        let class = cell.contents.get();
        if class.is_null() {
            return Err(vm.runtime_error("super(): empty __class__ cell"));
        }
        let Some(class) = class.downcast::<PyType>() else {
            let tn = vm.type_name(class);
            return Err(vm.runtime_error(format!("super(): __class__ is not a type ({tn})")));
        };
        return Ok((class, first));
    }
    Err(vm.runtime_error("super(): __class__ cell not found"))
}

/// CPython's `supercheck`: the type whose MRO the lookup searches — `obj`
/// itself when it is a subclass of `ty` (class-method use), else its class
/// (or its `__class__`, for proxies).
fn supercheck(vm: &mut Vm, ty: Gc<PyType>, obj: Value) -> PyResult<Gc<PyType>> {
    if let Some(obj_as_type) = obj.downcast::<PyType>() {
        if is_subtype(obj_as_type, ty) {
            return Ok(obj_as_type);
        }
    }
    let obj_class = vm.class_of(obj);
    if is_subtype(obj_class, ty) {
        return Ok(obj_class);
    }
    if let Some(class_attr) = attr::getattr_opt(vm, obj, "__class__")? {
        if let Some(class_attr) = class_attr.downcast::<PyType>() {
            if class_attr != obj_class && is_subtype(class_attr, ty) {
                return Ok(class_attr);
            }
        }
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// `super.__getattribute__(self, name)`: CPython's `super_getattro`.
pub fn super_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this_value, name_value] = args.exact::<2>(vm, "__getattribute__")?;
    let this = this_super(vm, this_value)?;
    let attr_name = attr::attr_name(vm, name_value)?;
    let start = this.obj_type.get().downcast::<PyType>();
    let this_type = this.this_type.get().downcast::<PyType>();
    if let (Some(start), Some(this_type)) = (start, this_type) {
        // `__class__` is the super object's own class.
        if attr_name.as_str() != "__class__" {
            if let Some(found) = lookup_after(start, this_type, attr_name) {
                let obj = this.obj.get();
                let obj = if obj.is(start.value()) { Value::NULL } else { obj };
                return call_descriptor_get(vm, found, obj, start.value());
            }
        }
    }
    attr::generic_getattr(vm, this_value, attr_name)
}

/// `<super: <class 'B'>, <B object>>`.
pub fn super_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = this_super(vm, args.this())?;
    let this_type = match this.this_type.get().downcast::<PyType>() {
        Some(t) => type_name_of(t),
        None => "NULL".to_string(),
    };
    let text = match this.obj_type.get().downcast::<PyType>() {
        Some(obj_type) => format!("<super: <class '{this_type}'>, <{} object>>", type_name_of(obj_type)),
        None => format!("<super: <class '{this_type}'>, NULL>"),
    };
    Ok(vm.new_str(&text))
}

// ---- int | str --------------------------------------------------------------------------------

/// The methods of `types.UnionType`. The first entry also identifies the
/// type among the VM's extra roots (see `union_type`).
static UNION_METHODS: [MethodDef; 7] = [
    MethodDef::method("__repr__", union_repr),
    MethodDef::method("__or__", union_or),
    MethodDef::method("__ror__", union_ror),
    MethodDef::method("__eq__", union_eq),
    MethodDef::method("__hash__", union_hash),
    MethodDef::method("__instancecheck__", union_instancecheck),
    MethodDef::method("__subclasscheck__", union_subclasscheck),
];

/// `types.UnionType`, made on first use and kept in the VM's extra roots.
fn union_type(vm: &mut Vm) -> Gc<PyType> {
    for &root in &vm.extra_roots {
        if let Some(ty) = root.downcast::<PyType>() {
            let repr_key = vm.names.repr;
            let is_union = ty.dict.get().downcast::<PyDict>().and_then(|d| d.get_str(repr_key)).is_some_and(|r| {
                r.downcast::<descriptor::PyMethodDescriptor>().is_some_and(|m| std::ptr::eq(m.def, &UNION_METHODS[0]))
            });
            if is_union {
                return ty;
            }
        }
    }
    let meta = vm.types.type_;
    let layout = PyObject::LAYOUT_WITH_ATTRS.expect("object is subclassable");
    let ty = vm.alloc(PyType::empty(layout), meta);
    ty.set_name("UnionType");
    let qualname = vm.intern("UnionType");
    ty.qualname.set(qualname);
    let object = vm.types.object;
    ty.base.set(object.value());
    let bases = new_tuple(vm, &[object.value()]);
    ty.bases.set(bases);
    let mro = new_tuple(vm, &[ty.value(), object.value()]);
    ty.mro.set(mro);
    let dict = PyDict::new(vm);
    ty.dict.set(dict.value());
    ty.flags.set(flags::NO_DICT);
    for def in &UNION_METHODS {
        let descr = descriptor::method_descriptor_for(vm, ty, def);
        dict_set_str(vm, dict, def.name, descr);
    }
    let module = vm.intern("types");
    dict_set_str(vm, dict, "__module__", module);
    let doc = vm.new_str("Represent a PEP 604 union type\n\nE.g. for int | str");
    dict_set_str(vm, dict, "__doc__", doc);
    object.subclasses.borrow_mut().push(ty.value());
    vm.all_types.push(ty.value());
    vm.extra_roots.push(ty.value());
    ty
}

/// The members of a union, or `None` if `v` is not a union.
fn union_args(vm: &mut Vm, v: Value) -> Option<Gc<PyTuple>> {
    let union = union_type(vm);
    if !vm.is_exact(v, union) {
        return None;
    }
    let key = name(vm, "__args__");
    let attrs = v.header()?.attrs()?;
    crate::map::get(attrs, key)?.downcast::<PyTuple>()
}

/// `int | str`: a `types.UnionType` of both sides (flattened, without
/// duplicates, `None` as `NoneType`), or NotImplemented if a side is not a
/// type, None or union (CPython's `_Py_union_type_or`).
pub fn make_union(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let members = RootedVec::new(vm);
    for side in [a, b] {
        if vm.is_none(side) {
            let none_type = vm.types.none_type.value();
            members.push(vm, none_type);
        } else if vm.is_type(side) {
            members.push(vm, side);
        } else if let Some(args) = union_args(vm, side) {
            for &m in args.as_slice() {
                members.push(vm, m);
            }
        } else {
            return Ok(vm.not_implemented());
        }
    }
    let mut unique: Vec<Value> = Vec::new();
    for m in members.to_vec() {
        if !unique.iter().any(|u| u.is(m)) {
            unique.push(m);
        }
    }
    if unique.len() == 1 {
        return Ok(unique[0]);
    }
    let args_tuple = new_tuple(vm, &unique);
    let union = union_type(vm);
    let obj = vm.alloc_instance(PyObject::new(), union).value();
    let key = name(vm, "__args__");
    attr::set_instance_attr(vm, obj, key, args_tuple);
    Ok(obj)
}

fn this_union(vm: &mut Vm, v: Value) -> PyResult<Gc<PyTuple>> {
    match union_args(vm, v) {
        Some(args) => Ok(args),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'types.UnionType' object but received a '{tn}'")))
        }
    }
}

/// `int | None` prints as `int | None`; other classes as `module.qualname`.
fn union_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let members = this_union(vm, args.this())?;
    let mut parts = Vec::with_capacity(members.len());
    for &m in members.as_slice() {
        if m.is(vm.types.none_type.value()) {
            parts.push("None".to_string());
            continue;
        }
        match m.downcast::<PyType>() {
            Some(t) => {
                let module = attr::getattr_opt(vm, m, "__module__")?.and_then(|v| v.downcast::<PyStr>());
                let qualname = t.qualname_string();
                match module {
                    Some(module) if module.as_str() != "builtins" => {
                        parts.push(format!("{}.{qualname}", module.as_str()))
                    }
                    _ => parts.push(qualname),
                }
            }
            None => parts.push(crate::protocol::object::repr(vm, m)?.as_str().to_string()),
        }
    }
    let text = parts.join(" | ");
    Ok(vm.new_str(&text))
}

fn union_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__or__")?;
    make_union(vm, this, other)
}

fn union_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__ror__")?;
    make_union(vm, other, this)
}

fn union_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__eq__")?;
    let mine = this_union(vm, this)?;
    let Some(theirs) = union_args(vm, other) else {
        return Ok(vm.not_implemented());
    };
    let contains_all =
        |a: Gc<PyTuple>, b: Gc<PyTuple>| a.as_slice().iter().all(|x| b.as_slice().iter().any(|y| x.is(*y)));
    Ok(vm.bool_value(contains_all(mine, theirs) && contains_all(theirs, mine)))
}

/// Order-independent, like the hash of `frozenset(__args__)` it stands for.
fn union_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let members = this_union(vm, args.this())?;
    let mut h: u64 = 0;
    for &m in members.as_slice() {
        let x = m.to_bits() >> 4;
        h ^= (x ^ (x << 16) ^ 89869747).wrapping_mul(3644798167);
    }
    let h = h as i64;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

fn union_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, obj] = args.exact::<2>(vm, "__instancecheck__")?;
    let members = this_union(vm, this)?;
    for &m in members.as_slice() {
        if crate::protocol::object::isinstance(vm, obj, m)? {
            return Ok(vm.bool_value(true));
        }
    }
    Ok(vm.bool_value(false))
}

fn union_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, sub] = args.exact::<2>(vm, "__subclasscheck__")?;
    let members = this_union(vm, this)?;
    let Some(sub) = sub.downcast::<PyType>() else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    for &m in members.as_slice() {
        if let Some(m) = m.downcast::<PyType>() {
            if is_subtype(sub, m) {
                return Ok(vm.bool_value(true));
            }
        }
    }
    Ok(vm.bool_value(false))
}

#[cfg(test)]
mod tests {
    use super::{is_identifier, mangle};

    #[test]
    fn private_slot_names_are_mangled_like_cpython() {
        assert_eq!(mangle("A", "__b").as_deref(), Some("_A__b"));
        assert_eq!(mangle("_Priv", "__x").as_deref(), Some("_Priv__x"));
        assert_eq!(mangle("A", "__dunder__"), None);
        assert_eq!(mangle("A", "_single"), None);
        assert_eq!(mangle("___", "__x"), None);
    }

    #[test]
    fn slot_names_must_be_identifiers() {
        assert!(is_identifier("a"));
        assert!(is_identifier("_x1"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier(""));
        assert!(!is_identifier("a-b"));
    }
}
