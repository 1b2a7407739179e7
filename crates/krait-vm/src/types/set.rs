//! `set` and `frozenset`: one payload, `PySet`, with CPython's
//! `Objects/setobject.c` hash table reproduced exactly, so that iteration
//! order (and so every printed set) matches CPython's under a fixed
//! `PYTHONHASHSEED`.
//!
//! The table is an array of (key, hash) slots: unused (NULL key, hash 0),
//! dummy (NULL key, hash -1, left by a deletion) or active. A probe looks
//! at `LINEAR_PROBES` neighbours before jumping with
//! `perturb >>= 5; i = (i * 5 + 1 + perturb) & mask`. `fill` counts active
//! and dummy slots, `used` active ones; an insertion into an unused slot
//! that makes `fill * 5 >= mask * 3` resizes to the smallest power of two
//! above `used * 4` (`used * 2` past 50000). Bulk operations (`set_merge`,
//! updates from a dict, intersection, difference) follow CPython's
//! algorithms step by step, because each affects the resulting order.
//!
//! Comparing keys can run `__eq__`, which may mutate the set: the table is
//! never borrowed across it, and a probe restarts when `mutations` changed.

use std::cell::{Cell, RefCell};

use krait_bytecode::ComparisonOp;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::protocol;
use crate::types::dict::PyDict;
use crate::types::list::{repr_enter, repr_leave};
use crate::types::str::PyStr;
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Copy, Debug)]
struct Slot {
    key: Value,
    hash: i64,
}

const UNUSED: Slot = Slot { key: Value::NULL, hash: 0 };
const DUMMY: Slot = Slot { key: Value::NULL, hash: -1 };

impl Slot {
    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }
    fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
}

impl SetTable {
    fn new() -> SetTable {
        SetTable { slots: vec![UNUSED; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_insert_clean`: put a key known to be absent into a table with
    /// no dummies.
    fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            if slots[i].key.is_null() {
                slots[i] = Slot { key, hash };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if slots[i + j].key.is_null() {
                        slots[i + j] = Slot { key, hash };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// `set_table_resize`: rebuild with the smallest power of two above `min_used`.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![UNUSED; size]);
        self.fill = self.used;
        for slot in old.iter().filter(|s| s.is_active()) {
            SetTable::insert_clean(&mut self.slots, slot.key, slot.hash);
        }
    }

    /// The active keys with their hashes, in table order.
    /// The live entries, inline on the native stack when there are few
    /// (where the conservative scan keeps their keys alive).
    fn active(&self) -> Entries {
        self.slots.iter().filter(|s| s.is_active()).map(|s| (s.key, s.hash)).collect()
    }
}

#[repr(C)]
pub struct PySet {
    header: ObjHeader,
    table: RefCell<SetTable>,
    /// frozenset's cached hash, or -1.
    hash: Cell<i64>,
    /// Bumped on every change: detects mutation during `__eq__`.
    mutations: Cell<u64>,
}

impl_payload!(PySet, Set, subclassable);

/// Where a probe for a key ended.
enum Probe {
    Found(usize),
    /// Absent; the slot where it would go and whether that slot is a dummy.
    Missing(usize, bool),
}

impl PySet {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        let table = self.table.borrow();
        tracer.external += std::mem::size_of_val(&table.slots[..]);
        for slot in table.slots.iter() {
            tracer.mark(slot.key);
        }
    }

    pub fn empty_payload() -> PySet {
        PySet {
            header: ObjHeader::new(PySet::LAYOUT, Value::NULL),
            table: RefCell::new(SetTable::new()),
            hash: Cell::new(-1),
            mutations: Cell::new(0),
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn touch(&self) {
        self.mutations.set(self.mutations.get() + 1);
    }

    /// The active key at or after slot `pos`, with the slot after it: the
    /// iteration primitive (`set_next`).
    pub fn entry_at(&self, pos: usize) -> Option<(usize, Value)> {
        let table = self.table.borrow();
        let mut i = pos;
        while i < table.slots.len() {
            if table.slots[i].is_active() {
                return Some((i + 1, table.slots[i].key));
            }
            i += 1;
        }
        None
    }

    /// A snapshot of the keys in iteration order.
    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().active().into_iter().map(|(k, _)| k).collect()
    }

    /// Find `key` (`set_lookkey` / the probe loop of `set_add_entry`).
    fn probe(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<Probe> {
        'restart: loop {
            let start = self.mutations.get();
            let mut mask = self.table.borrow().mask();
            let mut perturb = hash as u64;
            let mut i = hash as u64 as usize & mask;
            let mut free_slot = None;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in 0..=probes {
                    let index = i + j;
                    let slot = self.table.borrow().slots[index];
                    if slot.is_unused() {
                        return Ok(match free_slot {
                            Some(free) => Probe::Missing(free, true),
                            None => Probe::Missing(index, false),
                        });
                    }
                    if slot.hash == hash && slot.is_active() {
                        if slot.key.is(key) || fast_str_eq(vm, slot.key, key) {
                            return Ok(Probe::Found(index));
                        }
                        let equal = crate::types::list::items_equal(vm, slot.key, key)?;
                        if self.mutations.get() != start {
                            continue 'restart;
                        }
                        if equal {
                            return Ok(Probe::Found(index));
                        }
                        mask = self.table.borrow().mask();
                    } else if slot.hash == -1 && !slot.is_active() {
                        free_slot = Some(index);
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.probe(vm, key, hash)?, Probe::Found(_)))
    }

    pub fn contains(&self, vm: &mut Vm, key: Value) -> PyResult<bool> {
        let hash = protocol::hash::hash(vm, key)?;
        self.contains_hashed(vm, key, hash)
    }

    /// `set_add_entry`.
    pub fn add_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        match self.probe(vm, key, hash)? {
            Probe::Found(_) => Ok(()),
            Probe::Missing(index, dummy) => {
                let mut table = self.table.borrow_mut();
                table.slots[index] = Slot { key, hash };
                table.used += 1;
                if !dummy {
                    table.fill += 1;
                    let mask = table.mask();
                    if table.fill * 5 >= mask * 3 {
                        let used = table.used;
                        table.resize(if used > 50000 { used * 2 } else { used * 4 });
                    }
                }
                drop(table);
                self.touch();
                vm.account_external(16);
                Ok(())
            }
        }
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let hash = protocol::hash::hash(vm, key)?;
        self.add_hashed(vm, key, hash)
    }

    /// `set_discard_entry`: whether the key was there.
    pub fn discard_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<bool> {
        match self.probe(vm, key, hash)? {
            Probe::Found(index) => {
                let mut table = self.table.borrow_mut();
                table.slots[index] = DUMMY;
                table.used -= 1;
                drop(table);
                self.touch();
                Ok(true)
            }
            Probe::Missing(..) => Ok(false),
        }
    }

    pub fn clear(&self) {
        *self.table.borrow_mut() = SetTable::new();
        self.touch();
    }

    /// `set_merge`: add every key of another set.
    fn merge(&self, vm: &mut Vm, other: Gc<PySet>) -> PyResult<()> {
        if std::ptr::eq(self, &*other) || other.is_empty() {
            return Ok(());
        }
        {
            let mut table = self.table.borrow_mut();
            let source = other.table.borrow();
            if (table.fill + source.used) * 5 >= table.mask() * 3 {
                let min_used = (table.used + source.used) * 2;
                table.resize(min_used);
            }
            if table.fill == 0 && table.mask() == source.mask() && source.fill == source.used {
                table.slots.copy_from_slice(&source.slots);
                table.fill = source.fill;
                table.used = source.used;
                drop(table);
                self.touch();
                return Ok(());
            }
            if table.fill == 0 {
                for slot in source.slots.iter().filter(|s| s.is_active()) {
                    SetTable::insert_clean(&mut table.slots, slot.key, slot.hash);
                }
                table.fill = source.used;
                table.used = source.used;
                drop(table);
                self.touch();
                return Ok(());
            }
        }
        let entries = other.table.borrow().active();
        let keep = rooted_keys(vm, &entries);
        for (key, hash) in entries {
            self.add_hashed(vm, key, hash)?;
        }
        std::hint::black_box(keep);
        Ok(())
    }

    /// `set_update_internal`.
    pub fn update(&self, vm: &mut Vm, other: Value) -> PyResult<()> {
        if let Some(other) = other.downcast::<PySet>() {
            return self.merge(vm, other);
        }
        if vm.is_exact(other, vm.types.dict) {
            let dict = other.downcast::<PyDict>().expect("dict");
            {
                let mut table = self.table.borrow_mut();
                let size = dict.len();
                if (table.fill + size) * 5 >= table.mask() * 3 {
                    let min_used = (table.used + size) * 2;
                    table.resize(min_used);
                }
            }
            let mut pos = 0;
            while let Some((next, entry)) = dict.next_entry(pos) {
                self.add_hashed(vm, entry.key, entry.hash)?;
                pos = next;
            }
            return Ok(());
        }
        let iterator = protocol::iter::iter(vm, other)?;
        while let Some(key) = protocol::iter::next(vm, iterator)? {
            self.add(vm, key)?;
        }
        Ok(())
    }

    /// `frozenset_hash`.
    pub fn frozen_hash(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        let table = self.table.borrow();
        let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
        let mut hash: u64 = 0;
        for slot in table.slots.iter() {
            hash ^= shuffle(slot.hash as u64);
        }
        if (table.slots.len() - table.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (table.fill - table.used) & 1 == 1 {
            hash ^= shuffle(u64::MAX);
        }
        hash ^= (table.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        self.hash.set(hash as i64);
        hash as i64
    }
}

/// Keep snapshot keys reachable while Python code runs.
/// A set's entries, copied out so that comparisons that run Python code
/// cannot change them under an iteration.
type Entries = smallvec::SmallVec<[(Value, i64); 16]>;

/// Keep the keys of `entries` alive across calls that may collect: a list
/// of them when they spilled to the Rust heap (the inline ones are on the
/// native stack already), else NULL.
fn rooted_keys(vm: &mut Vm, entries: &Entries) -> Value {
    if !entries.spilled() {
        return Value::NULL;
    }
    let keys: Vec<Value> = entries.iter().map(|&(k, _)| k).collect();
    crate::types::list::list_from_vec(vm, keys)
}

fn fast_str_eq(vm: &Vm, a: Value, b: Value) -> bool {
    let str_type = vm.types.str;
    if vm.is_exact(a, str_type) && vm.is_exact(b, str_type) {
        let (a, b) = (a.downcast::<PyStr>().expect("str"), b.downcast::<PyStr>().expect("str"));
        return a.as_str() == b.as_str();
    }
    false
}

// ---- construction ----------------------------------------------------------------------------

/// A new empty set of class `cls` (set, frozenset or a subclass).
pub fn new_set_of(vm: &mut Vm, cls: Gc<PyType>) -> Gc<PySet> {
    vm.alloc_instance(PySet::empty_payload(), cls)
}

/// `set(iterable)` (NULL for empty).
pub fn new_set(vm: &mut Vm, iterable: Value) -> PyResult<Gc<PySet>> {
    let ty = vm.types.set;
    let set = new_set_of(vm, ty);
    if !iterable.is_null() {
        set.update(vm, iterable)?;
    }
    Ok(set)
}

/// `frozenset(iterable)` (NULL for empty).
pub fn new_frozenset(vm: &mut Vm, iterable: Value) -> PyResult<Gc<PySet>> {
    let ty = vm.types.frozenset;
    let set = new_set_of(vm, ty);
    if !iterable.is_null() {
        set.update(vm, iterable)?;
    }
    Ok(set)
}

/// The builtin type results of operations on `v` take (`make_new_set_basetype`).
fn base_type(vm: &Vm, v: Value) -> Gc<PyType> {
    if vm.is_instance(v, vm.types.set) {
        vm.types.set
    } else {
        vm.types.frozenset
    }
}

fn new_like(vm: &mut Vm, v: Value, iterable: Value) -> PyResult<Gc<PySet>> {
    let ty = base_type(vm, v);
    let set = new_set_of(vm, ty);
    if !iterable.is_null() {
        set.update(vm, iterable)?;
    }
    Ok(set)
}

fn is_frozen(vm: &Vm, v: Value) -> bool {
    !vm.is_instance(v, vm.types.set)
}

fn this_set(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PySet>> {
    match v.downcast::<PySet>() {
        Some(s) => Ok(s),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' for 'set' objects doesn't apply to a '{name}' object")))
        }
    }
}

fn class_of_arg(vm: &mut Vm, v: Value, name: &str) -> PyResult<Gc<PyType>> {
    match v.downcast::<PyType>() {
        Some(cls) => Ok(cls),
        None => Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_of_arg(vm, args.this(), "set")?;
    Ok(new_set_of(vm, cls).value())
}

fn set_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "__init__")?;
    let values = args.skip_self().positional_range(vm, "set", 0, 1)?;
    set.clear();
    if let Some(&iterable) = values.first() {
        set.update(vm, iterable)?;
    }
    Ok(vm.none())
}

fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_of_arg(vm, args.this(), "frozenset")?;
    let values = args.skip_self().positional_range(vm, "frozenset", 0, 1)?;
    let iterable = values.first().copied().unwrap_or(Value::NULL);
    if cls == vm.types.frozenset
        && (iterable.is_null() || vm.is_exact(iterable, vm.types.frozenset))
        && !iterable.is_null()
    {
        return Ok(iterable);
    }
    let set = new_set_of(vm, cls);
    if !iterable.is_null() {
        set.update(vm, iterable)?;
    }
    Ok(set.value())
}

// ---- lookups with the set-as-key conversion ------------------------------------------------------

/// Run `f` with `key`, retrying with `frozenset(key)` when `key` is an
/// unhashable set (`set_contains`, `set_remove`, `set_discard`).
fn with_set_key<T>(vm: &mut Vm, key: Value, f: &mut dyn FnMut(&mut Vm, Value, i64) -> PyResult<T>) -> PyResult<T> {
    match protocol::hash::hash(vm, key) {
        Ok(hash) => f(vm, key, hash),
        Err(err) if key.downcast::<PySet>().is_some() && vm.error_matches(err, vm.exceptions.type_error) => {
            let frozen = new_frozenset(vm, key)?;
            let hash = frozen.frozen_hash();
            f(vm, frozen.value(), hash)
        }
        Err(err) => Err(err),
    }
}

fn set_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__contains__")?;
    let set = this_set(vm, this, "__contains__")?;
    let found = contains_key(vm, set, key)?;
    Ok(vm.bool_value(found))
}

/// `key in set` (a set key is looked up as the equal frozenset).
pub fn contains_key(vm: &mut Vm, set: Gc<PySet>, key: Value) -> PyResult<bool> {
    with_set_key(vm, key, &mut |vm, k, h| set.contains_hashed(vm, k, h))
}

fn set_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "add")?;
    let [key] = args.skip_self().exact::<1>(vm, "set.add")?;
    set.add(vm, key)?;
    Ok(vm.none())
}

fn set_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "remove")?;
    let [key] = args.skip_self().exact::<1>(vm, "set.remove")?;
    if !with_set_key(vm, key, &mut |vm, k, h| set.discard_hashed(vm, k, h))? {
        return Err(vm.key_error(key));
    }
    Ok(vm.none())
}

fn set_discard(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "discard")?;
    let [key] = args.skip_self().exact::<1>(vm, "set.discard")?;
    with_set_key(vm, key, &mut |vm, k, h| set.discard_hashed(vm, k, h))?;
    Ok(vm.none())
}

fn set_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "pop")?;
    args.skip_self().exact::<0>(vm, "set.pop")?;
    let key = {
        let mut table = set.table.borrow_mut();
        if table.used == 0 {
            None
        } else {
            let mask = table.mask();
            let mut i = table.finger & mask;
            while !table.slots[i].is_active() {
                i = if i >= mask { 0 } else { i + 1 };
            }
            let key = table.slots[i].key;
            table.slots[i] = DUMMY;
            table.used -= 1;
            table.finger = i + 1;
            Some(key)
        }
    };
    match key {
        Some(key) => {
            set.touch();
            Ok(key)
        }
        None => {
            let ty = vm.exceptions.key_error;
            Err(vm.new_error(ty, "pop from an empty set"))
        }
    }
}

fn set_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "clear")?;
    args.skip_self().exact::<0>(vm, "set.clear")?;
    set.clear();
    Ok(vm.none())
}

fn set_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    this_set(vm, this, "copy")?;
    args.skip_self().exact::<0>(vm, "set.copy")?;
    if vm.is_exact(this, vm.types.frozenset) {
        return Ok(this);
    }
    Ok(new_like(vm, this, this)?.value())
}

fn set_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    let set = this_set(vm, this, "__len__")?;
    Ok(Value::from_small(set.len() as i64))
}

fn set_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    let set = this_set(vm, this, "__iter__")?;
    Ok(crate::types::iterator::new_set_iterator(vm, set))
}

fn set_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let set = this_set(vm, this, "__repr__")?;
    let name = vm.type_name(this);
    if !repr_enter(vm, this) {
        return Ok(vm.new_str(&format!("{name}(...)")));
    }
    if set.is_empty() {
        repr_leave(vm, this);
        return Ok(vm.new_str(&format!("{name}()")));
    }
    let keys = crate::types::list::list_from_vec(vm, set.keys());
    let keys = keys.downcast::<crate::types::list::PyList>().expect("list");
    let mut out = String::new();
    let result = crate::types::list::repr_items(vm, &mut out, |i| keys.get(i));
    repr_leave(vm, this);
    result?;
    let text = if vm.is_exact(this, vm.types.set) { format!("{{{out}}}") } else { format!("{name}({{{out}}})") };
    Ok(vm.new_str(&text))
}

fn set_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    let set = this_set(vm, this, "__hash__")?;
    Ok(vm.new_int(set.frozen_hash()))
}

// ---- algebra ------------------------------------------------------------------------------------

/// `set_intersection`.
fn intersection(vm: &mut Vm, so: Value, other: Value) -> PyResult<Gc<PySet>> {
    let set = so.downcast::<PySet>().expect("set");
    if so.is(other) {
        return new_like(vm, so, so);
    }
    let result = new_like(vm, so, Value::NULL)?;
    if let Some(other_set) = other.downcast::<PySet>() {
        let (big, small) = if other_set.len() > set.len() { (other_set, set) } else { (set, other_set) };
        let entries = small.table.borrow().active();
        let keep = rooted_keys(vm, &entries);
        for (key, hash) in entries {
            if big.contains_hashed(vm, key, hash)? {
                result.add_hashed(vm, key, hash)?;
            }
        }
        std::hint::black_box(keep);
        return Ok(result);
    }
    let iterator = protocol::iter::iter(vm, other)?;
    while let Some(key) = protocol::iter::next(vm, iterator)? {
        let hash = protocol::hash::hash(vm, key)?;
        if set.contains_hashed(vm, key, hash)? {
            result.add_hashed(vm, key, hash)?;
            if result.len() >= set.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// `set_difference_update_internal`.
fn difference_update(vm: &mut Vm, set: Gc<PySet>, other: Value) -> PyResult<()> {
    if set.value().is(other) {
        set.clear();
        return Ok(());
    }
    if let Some(mut other_set) = other.downcast::<PySet>() {
        if (other_set.len() >> 3) > set.len() {
            other_set = intersection(vm, set.value(), other)?;
        }
        let entries = other_set.table.borrow().active();
        let keep = rooted_keys(vm, &entries);
        for (key, hash) in entries {
            set.discard_hashed(vm, key, hash)?;
        }
        std::hint::black_box(keep);
    } else {
        let iterator = protocol::iter::iter(vm, other)?;
        while let Some(key) = protocol::iter::next(vm, iterator)? {
            with_set_key(vm, key, &mut |vm, k, h| set.discard_hashed(vm, k, h))?;
        }
    }
    let mut table = set.table.borrow_mut();
    if table.fill - table.used > table.mask() / 4 {
        let used = table.used;
        table.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

/// `set_difference`.
fn difference(vm: &mut Vm, so: Value, other: Value) -> PyResult<Gc<PySet>> {
    let set = so.downcast::<PySet>().expect("set");
    let other_size = if let Some(o) = other.downcast::<PySet>() {
        Some(o.len())
    } else if vm.is_exact(other, vm.types.dict) {
        Some(other.downcast::<PyDict>().expect("dict").len())
    } else {
        None
    };
    let copy_and_difference = |vm: &mut Vm| -> PyResult<Gc<PySet>> {
        let result = new_like(vm, so, so)?;
        difference_update(vm, result, other)?;
        Ok(result)
    };
    let Some(other_size) = other_size else {
        return copy_and_difference(vm);
    };
    if (set.len() >> 2) > other_size {
        return copy_and_difference(vm);
    }
    let result = new_like(vm, so, Value::NULL)?;
    let entries = set.table.borrow().active();
    let keep = rooted_keys(vm, &entries);
    for (key, hash) in entries {
        let present = match other.downcast::<PySet>() {
            Some(o) => o.contains_hashed(vm, key, hash)?,
            None => other.downcast::<PyDict>().expect("dict").get_item_hashed(vm, key, hash)?.is_some(),
        };
        if !present {
            result.add_hashed(vm, key, hash)?;
        }
    }
    std::hint::black_box(keep);
    Ok(result)
}

/// `set_symmetric_difference_update`.
fn symmetric_difference_update(vm: &mut Vm, set: Gc<PySet>, other: Value) -> PyResult<()> {
    if set.value().is(other) {
        set.clear();
        return Ok(());
    }
    let entries: Entries = if vm.is_exact(other, vm.types.dict) {
        let dict = other.downcast::<PyDict>().expect("dict");
        let mut entries = Entries::with_capacity(dict.len());
        let mut pos = 0;
        while let Some((next, entry)) = dict.next_entry(pos) {
            entries.push((entry.key, entry.hash));
            pos = next;
        }
        entries
    } else {
        let other_set = match other.downcast::<PySet>() {
            Some(o) => o,
            None => new_like(vm, set.value(), other)?,
        };
        let entries = other_set.table.borrow().active();
        entries
    };
    let keep = rooted_keys(vm, &entries);
    for (key, hash) in entries {
        if !set.discard_hashed(vm, key, hash)? {
            set.add_hashed(vm, key, hash)?;
        }
    }
    std::hint::black_box(keep);
    Ok(())
}

/// `set_issubset`.
fn is_subset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    let set = so.downcast::<PySet>().expect("set");
    let Some(other_set) = other.downcast::<PySet>() else {
        let common = intersection(vm, so, other)?;
        return Ok(common.len() == set.len());
    };
    if set.len() > other_set.len() {
        return Ok(false);
    }
    let entries = set.table.borrow().active();
    let keep = rooted_keys(vm, &entries);
    for (key, hash) in entries {
        if !other_set.contains_hashed(vm, key, hash)? {
            return Ok(false);
        }
    }
    std::hint::black_box(keep);
    Ok(true)
}

/// `set_issuperset`.
fn is_superset(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if other.downcast::<PySet>().is_some() {
        return is_subset(vm, other, so);
    }
    let set = so.downcast::<PySet>().expect("set");
    let iterator = protocol::iter::iter(vm, other)?;
    while let Some(key) = protocol::iter::next(vm, iterator)? {
        if !with_set_key(vm, key, &mut |vm, k, h| set.contains_hashed(vm, k, h))? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn is_disjoint(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    let set = so.downcast::<PySet>().expect("set");
    if so.is(other) {
        return Ok(set.is_empty());
    }
    if let Some(other_set) = other.downcast::<PySet>() {
        let (big, small) = if other_set.len() > set.len() { (other_set, set) } else { (set, other_set) };
        let entries = small.table.borrow().active();
        let keep = rooted_keys(vm, &entries);
        for (key, hash) in entries {
            if big.contains_hashed(vm, key, hash)? {
                return Ok(false);
            }
        }
        std::hint::black_box(keep);
        return Ok(true);
    }
    let iterator = protocol::iter::iter(vm, other)?;
    while let Some(key) = protocol::iter::next(vm, iterator)? {
        if set.contains(vm, key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_union(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    this_set(vm, this, "union")?;
    let others = args.skip_self().positional_range(vm, "union", 0, usize::MAX)?;
    let result = new_like(vm, this, this)?;
    for &other in others {
        if !other.is(this) {
            result.update(vm, other)?;
        }
    }
    Ok(result.value())
}

fn set_update_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "update")?;
    let others = args.skip_self().positional_range(vm, "update", 0, usize::MAX)?;
    for &other in others {
        set.update(vm, other)?;
    }
    Ok(vm.none())
}

fn intersection_multi(vm: &mut Vm, this: Value, others: &[Value]) -> PyResult<Gc<PySet>> {
    if others.is_empty() {
        return new_like(vm, this, this);
    }
    let mut result = this;
    for &other in others {
        result = intersection(vm, result, other)?.value();
    }
    Ok(result.downcast::<PySet>().expect("set"))
}

fn set_intersection(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    this_set(vm, this, "intersection")?;
    let others = args.skip_self().positional_range(vm, "intersection", 0, usize::MAX)?;
    Ok(intersection_multi(vm, this, others)?.value())
}

/// Replace `set`'s contents by `other`'s (`set_swap_bodies` for the cases
/// where `other` is a fresh temporary).
fn take_body(set: Gc<PySet>, other: Gc<PySet>) {
    let body = std::mem::replace(&mut *other.table.borrow_mut(), SetTable::new());
    *set.table.borrow_mut() = body;
    set.hash.set(-1);
    set.touch();
}

fn set_intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "intersection_update")?;
    let others = args.skip_self().positional_range(vm, "intersection_update", 0, usize::MAX)?;
    let result = intersection_multi(vm, set.value(), others)?;
    if result != set {
        take_body(set, result);
    }
    Ok(vm.none())
}

fn set_difference(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    this_set(vm, this, "difference")?;
    let others = args.skip_self().positional_range(vm, "difference", 0, usize::MAX)?;
    if others.is_empty() {
        return Ok(new_like(vm, this, this)?.value());
    }
    let result = difference(vm, this, others[0])?;
    for &other in &others[1..] {
        difference_update(vm, result, other)?;
    }
    Ok(result.value())
}

fn set_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "difference_update")?;
    let others = args.skip_self().positional_range(vm, "difference_update", 0, usize::MAX)?;
    for &other in others {
        difference_update(vm, set, other)?;
    }
    Ok(vm.none())
}

fn symmetric_difference(vm: &mut Vm, this: Value, other: Value) -> PyResult<Gc<PySet>> {
    let result = new_like(vm, this, other)?;
    symmetric_difference_update(vm, result, this)?;
    Ok(result)
}

fn set_symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    this_set(vm, this, "symmetric_difference")?;
    let [other] = args.skip_self().exact::<1>(vm, "symmetric_difference")?;
    Ok(symmetric_difference(vm, this, other)?.value())
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let set = this_set(vm, args.this(), "symmetric_difference_update")?;
    let [other] = args.skip_self().exact::<1>(vm, "symmetric_difference_update")?;
    symmetric_difference_update(vm, set, other)?;
    Ok(vm.none())
}

/// `issubset`, `issuperset`, `isdisjoint`: a bool from a test of two sets.
fn set_predicate(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    test: fn(&mut Vm, Value, Value) -> PyResult<bool>,
) -> PyResult {
    let this = args.this();
    this_set(vm, this, name)?;
    let [other] = args.skip_self().exact::<1>(vm, name)?;
    let result = test(vm, this, other)?;
    Ok(vm.bool_value(result))
}

fn set_issubset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    set_predicate(vm, args, "issubset", is_subset)
}

fn set_issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    set_predicate(vm, args, "issuperset", is_superset)
}

fn set_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    set_predicate(vm, args, "isdisjoint", is_disjoint)
}

/// The binary operators: both operands must be sets or frozensets.
#[derive(Clone, Copy)]
enum SetOp {
    Or,
    And,
    Sub,
    Xor,
}

fn binary(vm: &mut Vm, args: Args<'_>, op: SetOp, reflected: bool, inplace: bool) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "operator")?;
    this_set(vm, this, "operator")?;
    if other.downcast::<PySet>().is_none() {
        return Ok(vm.not_implemented());
    }
    let (left, right) = if reflected { (other, this) } else { (this, other) };
    if inplace {
        let set = left.downcast::<PySet>().expect("set");
        match op {
            SetOp::Or => set.update(vm, right)?,
            SetOp::And => {
                let result = intersection(vm, left, right)?;
                if result != set {
                    take_body(set, result);
                }
            }
            SetOp::Sub => difference_update(vm, set, right)?,
            SetOp::Xor => symmetric_difference_update(vm, set, right)?,
        }
        return Ok(left);
    }
    let result = match op {
        SetOp::Or => {
            let result = new_like(vm, left, left)?;
            if !left.is(right) {
                result.update(vm, right)?;
            }
            result
        }
        SetOp::And => intersection(vm, left, right)?,
        SetOp::Sub => difference(vm, left, right)?,
        SetOp::Xor => symmetric_difference(vm, left, right)?,
    };
    Ok(result.value())
}

macro_rules! set_binary_fns {
    ($($name:ident = $op:ident, $reflected:expr, $inplace:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
                binary(vm, args, SetOp::$op, $reflected, $inplace)
            }
        )*
    };
}

set_binary_fns! {
    set_or = Or, false, false;
    set_ror = Or, true, false;
    set_ior = Or, false, true;
    set_and = And, false, false;
    set_rand = And, true, false;
    set_iand = And, false, true;
    set_sub = Sub, false, false;
    set_rsub = Sub, true, false;
    set_isub = Sub, false, true;
    set_xor = Xor, false, false;
    set_rxor = Xor, true, false;
    set_ixor = Xor, false, true;
}

/// `set_richcompare`.
fn set_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let name = crate::types::slice::compare_dunder(op);
    let [this, other] = args.exact::<2>(vm, name)?;
    let set = this_set(vm, this, name)?;
    let Some(other_set) = other.downcast::<PySet>() else {
        return Ok(vm.not_implemented());
    };
    let equal = |vm: &mut Vm| -> PyResult<bool> {
        if set.len() != other_set.len() {
            return Ok(false);
        }
        let (h1, h2) = (set.hash.get(), other_set.hash.get());
        if h1 != -1 && h2 != -1 && h1 != h2 {
            return Ok(false);
        }
        is_subset(vm, this, other)
    };
    let result = match op {
        ComparisonOp::Eq => equal(vm)?,
        ComparisonOp::Ne => !equal(vm)?,
        ComparisonOp::Le => is_subset(vm, this, other)?,
        ComparisonOp::Ge => is_superset(vm, this, other)?,
        ComparisonOp::Lt => set.len() < other_set.len() && is_subset(vm, this, other)?,
        ComparisonOp::Gt => set.len() > other_set.len() && is_superset(vm, this, other)?,
    };
    Ok(vm.bool_value(result))
}

crate::rich_compare_fns!(set_compare: set_eq = Eq, set_ne = Ne, set_lt = Lt, set_le = Le, set_gt = Gt, set_ge = Ge);

/// Whether `v` is a frozenset (for callers outside this file).
pub fn is_frozenset(vm: &Vm, v: Value) -> bool {
    v.downcast::<PySet>().is_some() && is_frozen(vm, v)
}

static SET_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", crate::types::generic_alias::class_getitem),
    MethodDef::staticmethod("__new__", set_new),
    MethodDef::method("__init__", set_init),
    MethodDef::method("__len__", set_len),
    MethodDef::method("__contains__", set_contains),
    MethodDef::method("__iter__", set_iter),
    MethodDef::method("__repr__", set_repr),
    MethodDef::method("__hash__", protocol::hash::unhashable),
    MethodDef::method("__eq__", set_eq),
    MethodDef::method("__ne__", set_ne),
    MethodDef::method("__lt__", set_lt),
    MethodDef::method("__le__", set_le),
    MethodDef::method("__gt__", set_gt),
    MethodDef::method("__ge__", set_ge),
    MethodDef::method("__or__", set_or),
    MethodDef::method("__ror__", set_ror),
    MethodDef::method("__ior__", set_ior),
    MethodDef::method("__and__", set_and),
    MethodDef::method("__rand__", set_rand),
    MethodDef::method("__iand__", set_iand),
    MethodDef::method("__sub__", set_sub),
    MethodDef::method("__rsub__", set_rsub),
    MethodDef::method("__isub__", set_isub),
    MethodDef::method("__xor__", set_xor),
    MethodDef::method("__rxor__", set_rxor),
    MethodDef::method("__ixor__", set_ixor),
    MethodDef::method("add", set_add),
    MethodDef::method("remove", set_remove),
    MethodDef::method("discard", set_discard),
    MethodDef::method("pop", set_pop),
    MethodDef::method("clear", set_clear),
    MethodDef::method("copy", set_copy),
    MethodDef::method("update", set_update_method),
    MethodDef::method("union", set_union),
    MethodDef::method("intersection", set_intersection),
    MethodDef::method("intersection_update", set_intersection_update),
    MethodDef::method("difference", set_difference),
    MethodDef::method("difference_update", set_difference_update),
    MethodDef::method("symmetric_difference", set_symmetric_difference),
    MethodDef::method("symmetric_difference_update", set_symmetric_difference_update),
    MethodDef::method("issubset", set_issubset),
    MethodDef::method("issuperset", set_issuperset),
    MethodDef::method("isdisjoint", set_isdisjoint),
];

static FROZENSET_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", crate::types::generic_alias::class_getitem),
    MethodDef::staticmethod("__new__", frozenset_new),
    MethodDef::method("__len__", set_len),
    MethodDef::method("__contains__", set_contains),
    MethodDef::method("__iter__", set_iter),
    MethodDef::method("__repr__", set_repr),
    MethodDef::method("__hash__", set_hash),
    MethodDef::method("__eq__", set_eq),
    MethodDef::method("__ne__", set_ne),
    MethodDef::method("__lt__", set_lt),
    MethodDef::method("__le__", set_le),
    MethodDef::method("__gt__", set_gt),
    MethodDef::method("__ge__", set_ge),
    MethodDef::method("__or__", set_or),
    MethodDef::method("__ror__", set_ror),
    MethodDef::method("__and__", set_and),
    MethodDef::method("__rand__", set_rand),
    MethodDef::method("__sub__", set_sub),
    MethodDef::method("__rsub__", set_rsub),
    MethodDef::method("__xor__", set_xor),
    MethodDef::method("__rxor__", set_rxor),
    MethodDef::method("copy", set_copy),
    MethodDef::method("union", set_union),
    MethodDef::method("intersection", set_intersection),
    MethodDef::method("difference", set_difference),
    MethodDef::method("symmetric_difference", set_symmetric_difference),
    MethodDef::method("issubset", set_issubset),
    MethodDef::method("issuperset", set_issuperset),
    MethodDef::method("isdisjoint", set_isdisjoint),
];

pub static SPEC: TypeSpec = TypeSpec {
    name: "set",
    base: None,
    layout: PySet::LAYOUT,
    layout_with_attrs: PySet::LAYOUT_WITH_ATTRS,
    methods: SET_METHODS,
    getsets: &[],
    doc: "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.",
};

pub static FROZENSET_SPEC: TypeSpec = TypeSpec {
    name: "frozenset",
    base: None,
    layout: PySet::LAYOUT,
    layout_with_attrs: PySet::LAYOUT_WITH_ATTRS,
    methods: FROZENSET_METHODS,
    getsets: &[],
    doc: "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Insert small-int hashes the way `set_add_entry` does (no equal keys),
    /// returning the hashes in table order.
    fn order_of(hashes: &[i64]) -> Vec<i64> {
        let mut table = SetTable::new();
        for &hash in hashes {
            // Distinct small ints never compare equal, so the insertion slot
            // is the first unused slot on the probe sequence.
            let key = Value::from_small(hash);
            SetTable::insert_clean(&mut table.slots, key, hash);
            table.fill += 1;
            table.used += 1;
            let mask = table.mask();
            if table.fill * 5 >= mask * 3 {
                let used = table.used;
                table.resize(if used > 50000 { used * 2 } else { used * 4 });
            }
        }
        table.active().into_iter().map(|(_, h)| h).collect()
    }

    #[test]
    fn small_int_order_matches_cpython() {
        // list({5, 3, 17, 1, 9, 100, 42}) in CPython 3.11
        assert_eq!(order_of(&[5, 3, 17, 1, 9, 100, 42]), vec![1, 3, 100, 5, 9, 42, 17]);
        // list({8, 16, 0}) in CPython 3.11
        assert_eq!(order_of(&[8, 16, 0]), vec![8, 16, 0]);
    }
}
