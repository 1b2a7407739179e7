//! Quickening: generic instructions rewrite themselves into specialised
//! forms after seeing their operands.
//!
//! Each generic instruction with specialised forms keeps an adaptive
//! counter in its first inline-cache unit (the compiler emits zeros, so the
//! first execution tries). When the counter is zero the instruction asks
//! this module for a specialisation of what it sees now: on success the
//! instruction's opcode is overwritten with the specialised form and the
//! rest of its cache filled with what that form guards on (a type version
//! tag, a map id, a slot, a dict keys version); on failure the counter
//! backs off exponentially, so a site that never specialises costs one
//! failed attempt every few thousand executions.
//!
//! A specialised form checks its guards on every execution. When one fails
//! it rewrites itself back into the generic form (`deoptimize`), which
//! backs off too, and the interpreter re-executes the instruction
//! generically; the specialised forms therefore never touch the operand
//! stack before their guards pass. Everything here is a hint: a wrong or
//! stale cache entry only costs a deoptimisation, never a wrong answer,
//! because every guard is checked against live state (type version tags
//! change whenever a class or one of its bases changes; map ids and dict
//! keys versions are never reused).
//!
//! The cache layouts, per family (unit 0 is always the counter):
//!
//! | form | units 1.. |
//! | --- | --- |
//! | `LOAD_ATTR_INSTANCE`, `STORE_ATTR_INSTANCE` | two entries of (type version, map id, slot) |
//! | `LOAD_ATTR_MODULE`, `LOAD_METHOD_MODULE` | dict keys version, entry index |
//! | `LOAD_METHOD_CACHED` | two entries of (type version, map id (0: no attributes), method low word, high word) |
//! | `CALL_PY_EXACT_ARGS` | function version, argument count |
//!
//! The attribute and method caches are polymorphic: a specialised form
//! whose first entry misses fills its second one (a site that sees
//! instances of two classes, or two shapes, stays quick), and deoptimises
//! only when both are taken. `STORE_ATTR_INSTANCE` with `APPEND` in its
//! slot adds the attribute: the instance's map gains it by the (shared)
//! transition.
//!
//! The specialised forms are also the vocabulary of the trace recorder: a
//! quickened instruction says what its operands were.

use std::cell::Cell;

use krait_bytecode::{BinaryOp, Instruction, Opcode};

use crate::map::PyMap;
use crate::native::{MethodDef, MethodKind, NativeFn};
use crate::object::{Gc, InstanceAttrs, LayoutKind};
use crate::types::descriptor::{PyBuiltinFunction, PyMemberDescriptor, PyMethodDescriptor, PyProperty};
use crate::types::function::{PyCode, PyFunction};
use crate::types::iterator::{IterState, PyIterator, UNPACKED_MAX};
use crate::types::module::PyModule;
use crate::types::str::PyStr;
use crate::types::typeobject::PyType;
use crate::value::Value;
use crate::vm::Vm;

/// The largest backoff exponent: a failing site retries every 4096 runs.
const MAX_BACKOFF: u32 = 12;

/// `STORE_ATTR_INSTANCE`'s slot flag: the store adds the attribute.
pub const APPEND: u32 = 1 << 31;

/// Cache units per entry of the polymorphic caches: (type
/// version, map id, slot) for attributes, (type version, map id, method)
/// for methods.
const INSTANCE_ENTRY: usize = 3;
const METHOD_ENTRY: usize = 4;
/// Entries per polymorphic cache: a site that sees objects of up to this
/// many (class, map) pairs (a method of a base class running on instances
/// of a few subclasses) stays specialised.
pub const CACHE_ENTRIES: usize = 4;

/// An instruction of a code object and its inline cache.
#[derive(Clone, Copy)]
pub struct Site(*const Cell<u32>);

impl Site {
    /// # Safety
    /// `instr` must point at an instruction in a live code object's
    /// instruction array, followed by its `cache_units()` cache units.
    #[inline(always)]
    pub unsafe fn new(instr: *const Cell<u32>) -> Site {
        Site(instr)
    }

    /// Cache unit `i` (1-based; 0 is the counter).
    #[inline(always)]
    pub fn get(self, i: usize) -> u32 {
        // SAFETY: `new`'s contract; callers index within the opcode's cache.
        unsafe { (*self.0.add(1 + i)).get() }
    }

    #[inline(always)]
    fn set(self, i: usize, value: u32) {
        // SAFETY: as in `get`.
        unsafe { (*self.0.add(1 + i)).set(value) }
    }

    #[inline(always)]
    fn unit(self) -> u32 {
        // SAFETY: `new`'s contract.
        unsafe { (*self.0).get() }
    }

    /// The instruction after this one, whose opcode is `op` (so the site
    /// must not be a code object's last instruction).
    pub fn following(self, op: Opcode) -> Option<Instruction> {
        // SAFETY: `new`'s contract; the caller names a site that has a
        // successor.
        let unit = unsafe { (*self.0.add(1 + op.cache_units())).get() };
        Instruction::decode(unit)
    }

    /// The instruction's opcode byte (whether the site still has a form).
    #[inline(always)]
    pub fn opcode(self) -> u8 {
        self.unit() as u8
    }

    /// The generic form's counter: true when it is time to specialise.
    #[inline(always)]
    pub fn due(self) -> bool {
        let counter = self.get(0);
        if counter & 0xffff == 0 {
            return true;
        }
        self.set(0, counter - 1);
        false
    }

    /// Wait longer before the next attempt.
    fn back_off(self) {
        let exponent = ((self.get(0) >> 16) + 1).min(MAX_BACKOFF);
        self.set(0, (exponent << 16) | ((1 << exponent) - 1));
    }

    fn rewrite(self, op: Opcode) {
        let arg = self.unit() >> 8;
        // SAFETY: `new`'s contract.
        unsafe { (*self.0).set(Instruction::encode(op, arg)) }
    }

    /// Empty entry `entry` of a cache with entries of `width` units (a
    /// zero type version never matches).
    fn clear_entries(self, width: usize) {
        for entry in 1..CACHE_ENTRIES {
            self.set(entry * width + 1, 0);
        }
    }

    /// The first empty entry after the first, if any.
    fn free_entry(self, width: usize) -> Option<usize> {
        (1..CACHE_ENTRIES).find(|&entry| self.get(entry * width + 1) == 0)
    }

    /// The entry whose first two units are `(a, b)`, if any.
    #[inline(always)]
    fn find_entry(self, width: usize, a: u32, b: u32) -> Option<usize> {
        (0..CACHE_ENTRIES).map(|entry| entry * width).find(|&at| self.get(at + 1) == a && self.get(at + 2) == b)
    }

    /// Install `op` if there is one, else back off.
    fn install(self, op: Option<Opcode>) {
        match op {
            Some(op) => self.rewrite(op),
            None => self.back_off(),
        }
    }

    /// A specialised form's guard failed: go back to the generic form.
    #[cold]
    pub fn deoptimize(self, op: Opcode) {
        self.rewrite(op.base());
        self.back_off();
    }

    /// A word kept in two cache units.
    #[inline(always)]
    fn get_word(self, low: usize) -> u64 {
        self.get(low) as u64 | ((self.get(low + 1) as u64) << 32)
    }

    fn set_word(self, low: usize, word: u64) {
        self.set(low, word as u32);
        self.set(low + 1, (word >> 32) as u32);
    }

    /// A pointer kept in two cache units (an object the guards keep alive).
    #[inline(always)]
    pub fn get_value(self, low: usize) -> Value {
        Value::from_bits(self.get_word(low))
    }

    fn set_value(self, low: usize, value: Value) {
        self.set_word(low, value.to_bits());
    }
}

/// The map id an instance's attributes are guarded by: 0 when it has no
/// attributes (no attribute area, or an empty one), `u32::MAX` when they
/// are in a dict (never cached).
#[inline(always)]
pub fn map_id(obj: Value) -> u32 {
    let Some(attrs) = obj.header().and_then(|h| h.attrs()) else {
        return 0;
    };
    let map = attrs.map.get();
    if map.is_null() {
        return 0;
    }
    match map.downcast::<PyMap>() {
        Some(map) => map.id,
        None => u32::MAX,
    }
}

/// Whether `obj`'s class looks attributes up with `object.__getattribute__`,
/// and the class's version tag if so.
fn generic_getattr_version(vm: &mut Vm, obj: Value) -> Option<u32> {
    let cls = vm.class_of(obj);
    let getattribute = cls.lookup(vm, vm.names.getattribute)?;
    if !getattribute.is(vm.well_known.object_getattribute) {
        return None;
    }
    Some(cls.version_tag(vm)).filter(|&tag| tag != 0)
}

/// Whether a class attribute certainly is no data descriptor, whatever
/// happens to other classes later (an instance attribute of the same name
/// then wins).
fn plain_class_attribute(vm: &Vm, attr: Value) -> bool {
    let Some(header) = attr.header() else {
        return true;
    };
    header.attrs().is_none()
        && (matches!(
            header.kind(),
            LayoutKind::Function
                | LayoutKind::MethodDescriptor
                | LayoutKind::ClassMethod
                | LayoutKind::StaticMethod
                | LayoutKind::Int
                | LayoutKind::Float
                | LayoutKind::Str
                | LayoutKind::Tuple
        ) || vm.is_none(attr))
}

pub fn load_attr(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>) {
    // (Emptied first: a form may use the units of later entries.)
    site.clear_entries(INSTANCE_ENTRY);
    let op = load_attr_form(vm, site, owner, name, 0);
    site.install(op);
}

/// A `LOAD_ATTR_INSTANCE` miss: cache another (class, map) if there is
/// room; true when the instruction should simply run again.
pub fn add_load_attr_entry(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>) -> bool {
    site.free_entry(INSTANCE_ENTRY).is_some_and(|entry| {
        load_attr_form(vm, site, owner, name, entry) == Some(Opcode::LOAD_ATTR_INSTANCE)
            && site.get(entry * INSTANCE_ENTRY + 1) != 0
    })
}

fn load_attr_form(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>, entry: usize) -> Option<Opcode> {
    if let Some(module) = owner.downcast::<PyModule>() {
        if entry != 0 {
            return None;
        }
        if !vm.is_exact(owner, vm.types.module) {
            return None;
        }
        let dict = module.dict();
        let index = dict.find_str(name)?;
        site.set(1, dict.keys_version());
        site.set(2, index as u32);
        return Some(Opcode::LOAD_ATTR_MODULE);
    }
    let attrs = owner.header()?.attrs()?;
    let version = generic_getattr_version(vm, owner)?;
    let cls = vm.class_of(owner);
    if let Some(attr) = cls.lookup(vm, name) {
        if entry == 0 {
            if let Some(form) = data_descriptor_form(vm, site, cls, attr, version) {
                return Some(form);
            }
        }
        if !plain_class_attribute(vm, attr) {
            return None;
        }
    }
    let map = attrs.map.get().downcast::<PyMap>()?;
    let slot = map.slot_of(name).filter(|&i| i >= map.reserved())?;
    let at = entry * INSTANCE_ENTRY;
    site.set(at + 1, version);
    site.set(at + 2, map.id);
    site.set(at + 3, slot as u32);
    Some(Opcode::LOAD_ATTR_INSTANCE)
}

/// The form for reading a class attribute that is a `__slots__` member or
/// an exact `property` with a plain function as getter (the class's
/// version guards both: the descriptor found, and that nothing earlier in
/// the MRO shadows it).
fn data_descriptor_form(vm: &mut Vm, site: Site, cls: Gc<PyType>, attr: Value, version: u32) -> Option<Opcode> {
    if let Some(member) = attr.downcast::<PyMemberDescriptor>() {
        let index = crate::protocol::attr::slot_index(vm, cls, member.name)?;
        site.set(1, version);
        site.set(3, index as u32);
        return Some(Opcode::LOAD_ATTR_SLOT);
    }
    if !vm.is_exact(attr, vm.types.property) {
        return None;
    }
    let getter = attr.downcast::<PyProperty>()?.fget.get().downcast::<PyFunction>()?;
    if getter.version.get() == u32::MAX || !takes_exact_args(getter.code(), 1) {
        return None;
    }
    site.set(1, version);
    site.set_value(2, attr);
    site.set(4, getter.version.get());
    Some(Opcode::LOAD_ATTR_PROPERTY)
}

pub fn load_method(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>) {
    // (Emptied first: a form may use the units of later entries.)
    site.clear_entries(METHOD_ENTRY);
    let op = load_method_form(vm, site, owner, name, 0);
    site.install(op);
}

/// A `LOAD_METHOD_CACHED` miss: as `add_load_attr_entry`.
pub fn add_load_method_entry(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>) -> bool {
    site.free_entry(METHOD_ENTRY).is_some_and(|entry| {
        load_method_form(vm, site, owner, name, entry) == Some(Opcode::LOAD_METHOD_CACHED)
            && site.get(entry * METHOD_ENTRY + 1) != 0
    })
}

fn load_method_form(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>, entry: usize) -> Option<Opcode> {
    if owner.has_kind(LayoutKind::Module) {
        let form = load_attr_form(vm, site, owner, name, entry)?;
        return (form == Opcode::LOAD_ATTR_MODULE).then_some(Opcode::LOAD_METHOD_MODULE);
    }
    let version = generic_getattr_version(vm, owner)?;
    let cls = vm.class_of(owner);
    let method = cls.lookup(vm, name)?;
    if !(method.has_kind(LayoutKind::Function) || method.has_kind(LayoutKind::MethodDescriptor)) {
        return None;
    }
    let id = map_id(owner);
    if id == u32::MAX {
        return None;
    }
    if let Some(map) = owner.header().and_then(|h| h.attrs()).and_then(|a| a.map.get().downcast::<PyMap>()) {
        if map.slot_of(name).is_some() {
            return None;
        }
    }
    let at = entry * METHOD_ENTRY;
    site.set(at + 1, version);
    site.set(at + 2, id);
    site.set_value(at + 3, method);
    Some(Opcode::LOAD_METHOD_CACHED)
}

pub fn store_attr(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>) {
    // (Emptied first: a form may use the units of later entries.)
    site.clear_entries(INSTANCE_ENTRY);
    let op = store_attr_form(vm, site, owner, name, 0);
    site.install(op);
}

/// A `STORE_ATTR_INSTANCE` miss: as `add_load_attr_entry`.
pub fn add_store_attr_entry(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>) -> bool {
    site.free_entry(INSTANCE_ENTRY).is_some_and(|entry| {
        store_attr_form(vm, site, owner, name, entry) == Some(Opcode::STORE_ATTR_INSTANCE)
            && site.get(entry * INSTANCE_ENTRY + 1) != 0
    })
}

fn store_attr_form(vm: &mut Vm, site: Site, owner: Value, name: Gc<PyStr>, entry: usize) -> Option<Opcode> {
    let attrs = owner.header()?.attrs()?;
    let cls = vm.class_of(owner);
    if entry == 0 {
        if let Some(form) = store_slot_form(vm, site, cls, name) {
            return Some(form);
        }
    }
    if cls.has_flag(crate::types::typeobject::flags::NO_DICT) {
        return None;
    }
    // A fresh instance (no attributes yet) is at its class's root map.
    let map = match attrs.map.get() {
        m if m.is_null() => crate::protocol::attr::root_map(vm, cls),
        m => m.downcast::<PyMap>()?,
    };
    let setattr = cls.lookup(vm, vm.names.setattr)?;
    if !setattr.is(vm.well_known.object_setattr) {
        return None;
    }
    if let Some(attr) = cls.lookup(vm, name) {
        if !plain_class_attribute(vm, attr) {
            return None;
        }
    }
    let slot = match map.slot_of(name) {
        Some(i) if i >= map.reserved() => i as u32,
        Some(_) => return None,
        None => {
            // Only a store that the map's transition already exists for:
            // the child map is shared, so the cache stays valid.
            map.existing_child(vm.intern_value(name))?;
            map.len() as u32 | APPEND
        }
    };
    let version = cls.version_tag(vm);
    if version == 0 {
        return None;
    }
    let at = entry * INSTANCE_ENTRY;
    site.set(at + 1, version);
    site.set(at + 2, map.id);
    site.set(at + 3, slot);
    Some(Opcode::STORE_ATTR_INSTANCE)
}

pub fn binary_op(vm: &mut Vm, site: Site, lhs: Value, rhs: Value, op: BinaryOp) {
    let form = if lhs.is_small_int() && rhs.is_small_int() {
        (op != BinaryOp::MatrixMultiply).then_some(Opcode::BINARY_OP_INT)
    } else if is_float_operand(vm, lhs) && is_float_operand(vm, rhs) {
        let arithmetic = !matches!(
            op,
            BinaryOp::And
                | BinaryOp::Or
                | BinaryOp::Xor
                | BinaryOp::LShift
                | BinaryOp::RShift
                | BinaryOp::MatrixMultiply
        );
        let form = match op {
            BinaryOp::Add => Opcode::BINARY_OP_ADD_FLOAT,
            BinaryOp::Subtract => Opcode::BINARY_OP_SUBTRACT_FLOAT,
            BinaryOp::Multiply => Opcode::BINARY_OP_MULTIPLY_FLOAT,
            _ => Opcode::BINARY_OP_FLOAT,
        };
        (arithmetic && (lhs.is_small_int() != rhs.is_small_int() || !lhs.is_small_int())).then_some(form)
    } else {
        None
    };
    site.install(form);
}

/// An operand `BINARY_OP_FLOAT` takes: an exact float or a small int.
#[inline(always)]
pub fn is_float_operand(vm: &Vm, v: Value) -> bool {
    v.is_small_int() || vm.is_exact(v, vm.types.float)
}

pub fn compare_op(vm: &mut Vm, site: Site, lhs: Value, rhs: Value) {
    let form = if lhs.is_small_int() && rhs.is_small_int() {
        Some(Opcode::COMPARE_OP_INT)
    } else if vm.is_exact(lhs, vm.types.float) && vm.is_exact(rhs, vm.types.float) {
        Some(Opcode::COMPARE_OP_FLOAT)
    } else if vm.is_exact(lhs, vm.types.str) && vm.is_exact(rhs, vm.types.str) {
        Some(Opcode::COMPARE_OP_STR)
    } else {
        None
    };
    site.install(form);
}

pub fn binary_subscr(vm: &mut Vm, site: Site, container: Value, key: Value) {
    let form = if vm.is_exact(container, vm.types.list) && key.is_small_int() {
        Some(Opcode::BINARY_SUBSCR_LIST_INT)
    } else if vm.is_exact(container, vm.types.tuple) && key.is_small_int() {
        Some(Opcode::BINARY_SUBSCR_TUPLE_INT)
    } else if vm.is_exact(container, vm.types.dict) {
        Some(Opcode::BINARY_SUBSCR_DICT)
    } else {
        None
    };
    site.install(form);
}

pub fn store_subscr(vm: &mut Vm, site: Site, container: Value, key: Value) {
    let form = if vm.is_exact(container, vm.types.list) && key.is_small_int() {
        Some(Opcode::STORE_SUBSCR_LIST_INT)
    } else if vm.is_exact(container, vm.types.dict) {
        Some(Opcode::STORE_SUBSCR_DICT)
    } else {
        None
    };
    site.install(form);
}

pub fn for_iter(site: Site, iterator: Value) {
    if crate::types::generator::inline_candidate(iterator).is_some() {
        return site.install(Some(Opcode::FOR_ITER_GEN));
    }
    // (A FOR_ITER always has a successor: the loop body.)
    let next = site.following(Opcode::FOR_ITER);
    let unpacks = |n: usize| next.is_some_and(|i| i.op.base() == Opcode::UNPACK_SEQUENCE && i.arg as usize == n);
    let form = iterator.downcast::<PyIterator>().and_then(|it| match &*it.state.borrow() {
        IterState::Range { .. } => Some(Opcode::FOR_ITER_RANGE),
        IterState::List { .. } => Some(Opcode::FOR_ITER_LIST),
        IterState::Tuple { .. } => Some(Opcode::FOR_ITER_TUPLE),
        IterState::Zip { iterators, .. } if unpacks(iterators.len()) && iterators.len() <= UNPACKED_MAX => {
            Some(Opcode::FOR_ITER_UNPACK)
        }
        IterState::Enumerate { .. } if unpacks(2) => Some(Opcode::FOR_ITER_UNPACK),
        _ => None,
    });
    site.install(form);
}

pub fn unpack_sequence(vm: &mut Vm, site: Site, seq: Value) {
    let form = if vm.is_exact(seq, vm.types.tuple) {
        Some(Opcode::UNPACK_SEQUENCE_TUPLE)
    } else if vm.is_exact(seq, vm.types.list) {
        Some(Opcode::UNPACK_SEQUENCE_LIST)
    } else {
        None
    };
    site.install(form);
}

/// `through_method`: the callable came from LOAD_METHOD with `self`.
pub fn call(vm: &mut Vm, site: Site, callable: Value, argc: usize, has_kwnames: bool, through_method: bool) {
    if has_kwnames {
        return site.install(None);
    }
    if let Some(cls) = callable.downcast::<PyType>() {
        return site.install(if through_method { None } else { init_form(vm, site, cls, argc) });
    }
    if let Some(def) = builtin_def(callable) {
        site.set_word(1, def as *const MethodDef as u64);
        return site.install(Some(Opcode::CALL_BUILTIN));
    }
    let form = callable
        .downcast::<PyFunction>()
        .filter(|f| f.version.get() != u32::MAX && binds_positionally(*f, argc))
        .map(|f| {
            site.set(1, f.version.get());
            site.set(2, argc as u32);
            Opcode::CALL_PY_EXACT_ARGS
        });
    site.install(form);
}

/// The static definition `CALL_BUILTIN` calls for `callable`: a builtin
/// function that is not bound to an object (or bound to a module) and not
/// a type's `__new__`, or an instance method of a builtin type.
#[inline(always)]
fn builtin_def(callable: Value) -> Option<&'static MethodDef> {
    if let Some(f) = callable.downcast::<PyBuiltinFunction>() {
        let unbound = f.this.is_null() || f.this.has_kind(LayoutKind::Module);
        return (unbound && f.new_of.is_null()).then_some(f.def);
    }
    let d = callable.downcast::<PyMethodDescriptor>()?;
    (d.def.kind == MethodKind::Instance).then_some(d.def)
}

/// `CALL_BUILTIN`'s guard: `callable` is (still) a builtin with the cached
/// definition and, for a method, `args[0]` is exactly of its owner type;
/// the function to call, and the owner for the method's error messages.
#[inline(always)]
pub fn cached_builtin(vm: &Vm, site: Site, callable: Value, args: &[Value]) -> Option<(NativeFn, Option<Gc<PyType>>)> {
    let def = builtin_def(callable)?;
    if def as *const MethodDef as u64 != site.get_word(1) {
        return None;
    }
    match callable.downcast::<PyMethodDescriptor>().map(|d| d.owner) {
        Some(owner) if vm.class_of(*args.first()?) != owner => None,
        owner => Some((def.func, owner)),
    }
}

/// `CALL_PY_INIT` for calling `cls` with `argc` arguments, if `type.__call__`
/// would just allocate a plain instance and run a Python `__init__` that
/// takes them exactly.
fn init_form(vm: &mut Vm, site: Site, cls: Gc<PyType>, argc: usize) -> Option<Opcode> {
    if vm.class_of(cls.value()) != vm.types.type_
        || cls.has_flag(crate::types::typeobject::flags::ABSTRACT)
        || cls.instance_layout().kind != LayoutKind::Object
    {
        return None;
    }
    if !cls.lookup(vm, vm.names.new)?.is(vm.well_known.object_new) {
        return None;
    }
    let init = cls.lookup(vm, vm.names.init)?;
    let func = init.downcast::<PyFunction>().filter(|f| binds_positionally(*f, argc + 1))?;
    let version = cls.version_tag(vm);
    if version == 0 {
        return None;
    }
    site.set(1, version);
    site.set_value(2, func.value());
    Some(Opcode::CALL_PY_INIT)
}

/// `CALL_PY_INIT`'s guard: the class is unchanged (so its `__new__` and
/// `__init__` are), and `__init__` still takes the arguments (its code and
/// defaults can be replaced in place).
#[inline(always)]
pub fn cached_init(site: Site, callable: Value, argc: usize) -> Option<(Gc<PyType>, Gc<PyFunction>)> {
    let cls = callable.downcast::<PyType>()?;
    if cls.current_version() != site.get(1) {
        return None;
    }
    // The class is unchanged, so the function is still in it, and alive.
    let init = site.get_value(2).downcast::<PyFunction>()?;
    binds_positionally(init, argc + 1).then_some((cls, init))
}

/// `CALL_PY_EXACT_ARGS`'s guard: as many arguments as when the site was
/// specialised, and the function is that one (versions are never reused
/// and change with `__code__` and `__defaults__`), or another that binds
/// them the same way.
#[inline(always)]
pub fn cached_function(site: Site, func: Gc<PyFunction>, argc: usize) -> bool {
    if argc as u32 != site.get(2) {
        return false;
    }
    func.version.get() == site.get(1) || binds_like_the_cached_one(func, argc)
}

/// Another function at a `CALL_PY_EXACT_ARGS` site (a method that
/// subclasses override) is as good if it binds the arguments the same way.
#[inline(never)]
fn binds_like_the_cached_one(func: Gc<PyFunction>, argc: usize) -> bool {
    binds_positionally(func, argc)
}

/// Whether a call of `func` with `argc` positional arguments binds them
/// straight to the first `argc` locals, the parameters after them taking
/// their defaults, and runs in a frame (not as a generator): what
/// `call::push_frame_over_args` does.
#[inline(always)]
pub fn binds_positionally(func: Gc<PyFunction>, argc: usize) -> bool {
    let code = func.code();
    let arg_count = code.code.arg_count as usize;
    if argc == arg_count {
        return takes_exact_args(code, argc);
    }
    let defaults = func.defaults.get().downcast::<crate::types::tuple::PyTuple>().map_or(0, |d| d.len());
    argc < arg_count && argc + defaults >= arg_count && takes_exact_args(code, arg_count)
}

/// Whether a call with `argc` positional arguments binds them straight to
/// the first `argc` locals, and runs in a frame (not as a generator).
#[inline(always)]
pub fn takes_exact_args(code: Gc<PyCode>, argc: usize) -> bool {
    let co = &code.code;
    co.arg_count as usize == argc
        && co.flags.has(krait_bytecode::CodeFlags::OPTIMIZED)
        && co.kwonly_arg_count == 0
        && !co.flags.has(krait_bytecode::CodeFlags::VARARGS)
        && !co.flags.has(krait_bytecode::CodeFlags::VARKEYWORDS)
        && !code.is_generator_like()
}

// ---- the specialised forms' guarded fast paths (None: a guard failed) ----

/// `LOAD_ATTR_INSTANCE`.
#[inline(always)]
pub fn cached_instance_attr(vm: &Vm, site: Site, owner: Value) -> Option<Value> {
    let (attrs, _, slot) = instance_entry(vm, site, &owner)?;
    let value = attrs.values.get(slot)?;
    (!value.is_null()).then_some(value)
}

/// `LOAD_ATTR_INSTANCE`'s cache entry for `owner`: its attribute area, its
/// map and the slot the entry reads.
#[inline(always)]
fn instance_entry<'a>(vm: &Vm, site: Site, owner: &'a Value) -> Option<(&'a InstanceAttrs, Gc<PyMap>, usize)> {
    let attrs = owner.header()?.attrs()?;
    let map = attrs.map.get().downcast::<PyMap>()?;
    let version = vm.class_of(*owner).current_version();
    let at = site.find_entry(INSTANCE_ENTRY, version, map.id)?;
    Some((attrs, map, site.get(at + 3) as usize))
}

/// The slot `LOAD_ATTR_INSTANCE` at `site` reads for `owner`, if its
/// cache has an entry for it (for the JIT's recorder, which reads the slot
/// in compiled code under a guard on the map).
pub fn instance_slot(vm: &Vm, site: Site, owner: Value) -> Option<usize> {
    instance_entry(vm, site, &owner).map(|(_, _, slot)| slot)
}

/// `LOAD_ATTR_MODULE`.
#[inline(always)]
pub fn cached_module_attr(vm: &Vm, site: Site, owner: Value) -> Option<Value> {
    let module = owner.downcast::<PyModule>()?;
    if !vm.is_exact(owner, vm.types.module) {
        return None;
    }
    let dict = module.dict();
    if dict.keys_version() != site.get(1) {
        return None;
    }
    dict.entry_value(site.get(2) as usize)
}

/// `LOAD_METHOD_CACHED`: the method to call with `owner` first.
#[inline(always)]
pub fn cached_method(vm: &Vm, site: Site, owner: Value) -> Option<Value> {
    let (version, id) = (vm.class_of(owner).current_version(), map_id(owner));
    let at = site.find_entry(METHOD_ENTRY, version, id)?;
    Some(site.get_value(at + 3))
}

/// `STORE_ATTR_INSTANCE`: false when a guard failed (nothing stored).
#[inline(always)]
pub fn cached_store_attr(vm: &Vm, site: Site, owner: Value, name: Value, value: Value) -> bool {
    let Some((attrs, map, slot)) = store_attr_entry(vm, site, &owner) else {
        return false;
    };
    let fresh = attrs.map.get().is_null();
    let values = &attrs.values;
    if fresh {
        values.resize(map.reserved());
    }
    if slot & APPEND == 0 {
        return values.set(slot as usize, value);
    }
    let Some(child) = map.existing_child(name).filter(|_| values.len() == (slot & !APPEND) as usize) else {
        return false;
    };
    values.push(value);
    attrs.map.set(child.value());
    true
}

/// `STORE_ATTR_INSTANCE`'s cache entry for `owner`: its attribute area,
/// its map (the class's root map for an object with no attribute yet) and
/// the entry's slot (with `APPEND` for a store that adds the attribute).
fn store_attr_entry<'a>(vm: &Vm, site: Site, owner: &'a Value) -> Option<(&'a InstanceAttrs, Gc<PyMap>, u32)> {
    let attrs = owner.header()?.attrs()?;
    let cls = vm.class_of(*owner);
    let current = attrs.map.get();
    let map = if current.is_null() { cls.root_map.get() } else { current }.downcast::<PyMap>()?;
    let at = site.find_entry(INSTANCE_ENTRY, cls.current_version(), map.id)?;
    Some((attrs, map, site.get(at + 3)))
}

/// The slot `STORE_ATTR_INSTANCE` at `site` would store into for `owner`,
/// if that is an attribute `owner` already has (for the JIT's recorder,
/// which stores in compiled code under a guard on the map).
pub fn store_slot(vm: &Vm, site: Site, owner: Value) -> Option<usize> {
    let (attrs, _, slot) = store_attr_entry(vm, site, &owner)?;
    let existing = !attrs.map.get().is_null() && slot & APPEND == 0 && (slot as usize) < attrs.values.len();
    existing.then_some(slot as usize)
}

/// A store into a `__slots__` member through `object.__setattr__`.
fn store_slot_form(vm: &mut Vm, site: Site, cls: Gc<PyType>, name: Gc<PyStr>) -> Option<Opcode> {
    let member = cls.lookup(vm, name)?.downcast::<PyMemberDescriptor>()?;
    let setattr = cls.lookup(vm, vm.names.setattr)?;
    if !setattr.is(vm.well_known.object_setattr) {
        return None;
    }
    let index = crate::protocol::attr::slot_index(vm, cls, member.name)?;
    let version = cls.version_tag(vm);
    if version == 0 {
        return None;
    }
    site.set(1, version);
    site.set(3, index as u32);
    Some(Opcode::STORE_ATTR_SLOT)
}

/// `LOAD_ATTR_SLOT`: the member's value, `None` when a guard failed or
/// the member is unset (the generic path raises the AttributeError).
#[inline(always)]
pub fn cached_slot(vm: &Vm, site: Site, owner: Value) -> Option<Value> {
    if vm.class_of(owner).current_version() != site.get(1) {
        return None;
    }
    crate::map::get_slot(owner.header()?.attrs()?, site.get(3) as usize)
}

/// The index of the `__slots__` member `LOAD_ATTR_SLOT` at `site` reads
/// for `owner`, if its cache holds for it (for the JIT's recorder).
pub fn slot_index(vm: &Vm, site: Site, owner: Value) -> Option<usize> {
    (vm.class_of(owner).current_version() == site.get(1)).then(|| site.get(3) as usize)
}

/// `STORE_ATTR_SLOT`: false when a guard failed (nothing stored).
#[inline(always)]
pub fn cached_store_slot(vm: &Vm, site: Site, owner: Value, value: Value) -> bool {
    let cls = vm.class_of(owner);
    if cls.current_version() != site.get(1) {
        return false;
    }
    let Some(attrs) = owner.header().and_then(|h| h.attrs()) else {
        return false;
    };
    let Some(root) = cls.root_map.get().downcast::<PyMap>() else {
        return false;
    };
    crate::map::set_slot(attrs, root, site.get(3) as usize, value);
    true
}

/// `LOAD_ATTR_PROPERTY`: the getter to call with the owner.
#[inline(always)]
pub fn cached_property_getter(vm: &Vm, site: Site, owner: Value) -> Option<Gc<PyFunction>> {
    if vm.class_of(owner).current_version() != site.get(1) {
        return None;
    }
    // The class is unchanged, so the property is still in it, and alive.
    let property = site.get_value(2).downcast::<PyProperty>()?;
    property.fget.get().downcast::<PyFunction>().filter(|f| f.version.get() == site.get(4))
}

/// `BINARY_OP_INT` without leaving small ints; None when the result (or
/// the operator) needs the general path.
#[inline(always)]
pub fn small_int_op(op: BinaryOp, a: i64, b: i64) -> Option<Value> {
    let result = match op {
        BinaryOp::Add => a.checked_add(b)?,
        BinaryOp::Subtract => a.checked_sub(b)?,
        BinaryOp::Multiply => a.checked_mul(b)?,
        BinaryOp::And => a & b,
        BinaryOp::Or => a | b,
        BinaryOp::Xor => a ^ b,
        // Python's floor semantics (small ints are 63-bit, so `a / b`
        // cannot overflow).
        BinaryOp::FloorDivide if b != 0 => a / b - i64::from(a % b != 0 && (a < 0) != (b < 0)),
        BinaryOp::Remainder if b != 0 => {
            let r = a % b;
            if r != 0 && (r < 0) != (b < 0) {
                r + b
            } else {
                r
            }
        }
        _ => return None,
    };
    Value::small_int(result)
}

/// A `BINARY_OP_FLOAT` operand as a double.
#[inline(always)]
pub fn float_operand(vm: &Vm, v: Value) -> Option<f64> {
    if let Some(i) = v.as_small_int() {
        return Some(i as f64);
    }
    crate::types::float::exact_f64(vm, v)
}

/// A comparison of two ordered values by operator.
#[inline(always)]
pub fn compare<T: PartialOrd>(op: krait_bytecode::ComparisonOp, a: T, b: T) -> bool {
    use krait_bytecode::ComparisonOp::*;
    match op {
        Lt => a < b,
        Le => a <= b,
        Eq => a == b,
        Ne => a != b,
        Gt => a > b,
        Ge => a >= b,
    }
}

/// `FOR_ITER_RANGE`: Some(None) when the range is done.
#[inline(always)]
pub fn range_next(it: Value) -> Option<Option<i64>> {
    let it = it.downcast::<PyIterator>()?;
    let mut state = it.state.borrow_mut();
    let IterState::Range { next, step, remaining } = &mut *state else {
        return None;
    };
    if *remaining == 0 {
        return Some(None);
    }
    let value = *next;
    *remaining -= 1;
    if *remaining > 0 {
        *next += *step;
    }
    Some(Some(value))
}

/// `FOR_ITER_LIST` and `FOR_ITER_TUPLE`: Some(None) when done.
#[inline(always)]
pub fn sequence_next(it: Value, list: bool) -> Option<Option<Value>> {
    crate::types::iterator::step_sequence(it.downcast::<PyIterator>()?, list, !list)
}
