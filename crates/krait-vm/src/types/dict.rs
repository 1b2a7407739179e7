//! `dict`: CPython's compact, insertion-ordered hash table.
//!
//! `entries` holds (hash, key, value) in insertion order; `indices` is the
//! open-addressing table of positions into `entries`, probed as CPython's
//! `lookdict` does (`i = (5*i + perturb + 1) & mask`, `perturb >>= 5`).
//! Deleting leaves a NULL key in `entries` and a DUMMY in `indices`; both
//! are compacted at the next resize.
//!
//! Comparing keys can run Python code (`__eq__`), which can mutate the very
//! dict being searched. The table is never borrowed across such a call: the
//! lookup copies the candidate entry, compares with no borrow held, and
//! restarts if the table changed meanwhile (as CPython restarts `lookdict`).
//!
//! `keys_version` changes whenever a key is added or removed (not when a
//! value is replaced), so `LOAD_GLOBAL` can cache the entry index of a
//! global and re-check only this number.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::types::str::PyStr;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

const EMPTY: i64 = -1;
const DUMMY: i64 = -2;
const MIN_SIZE: usize = 8;

static NEXT_KEYS_VERSION: AtomicU32 = AtomicU32::new(1);

fn fresh_keys_version() -> u32 {
    NEXT_KEYS_VERSION.fetch_add(1, Ordering::Relaxed)
}

#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub hash: i64,
    /// NULL for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictTable {
    indices: Vec<i64>,
    entries: Vec<Entry>,
    used: usize,
}

impl DictTable {
    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    fn usable(&self) -> usize {
        self.indices.len() * 2 / 3
    }

    /// The entries on `hash`'s probe sequence, in probe order, until its
    /// first EMPTY index (deleted ones skipped): the candidates of a
    /// lookup that decides equality without Python code.
    fn probe_entries(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        let mask = self.indices.len().wrapping_sub(1);
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut done = self.indices.is_empty();
        std::iter::from_fn(move || loop {
            if done {
                return None;
            }
            let ix = self.indices[i];
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            match ix {
                EMPTY => done = true,
                DUMMY => {}
                ix => return Some(ix as usize),
            }
        })
    }

    /// The slot in `indices` where `hash` would be inserted (first EMPTY or
    /// DUMMY on its probe sequence).
    fn find_insert_slot(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.indices[i] < 0 {
                return i;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    fn rebuild(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size * 2 / 3 <= min_used {
            size *= 2;
        }
        self.entries.retain(|e| !e.key.is_null());
        self.indices = vec![EMPTY; size];
        for index in 0..self.entries.len() {
            let slot = self.find_insert_slot(self.entries[index].hash);
            self.indices[slot] = index as i64;
        }
    }

    fn append(&mut self, hash: i64, key: Value, value: Value) {
        if self.indices.is_empty() || self.entries.len() >= self.usable() {
            self.rebuild((self.used + 1) * 3);
        }
        let slot = self.find_insert_slot(hash);
        self.indices[slot] = self.entries.len() as i64;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
    }
}

#[repr(C)]
pub struct PyDict {
    header: ObjHeader,
    table: RefCell<DictTable>,
    keys_version: Cell<u32>,
    /// Bumped on every mutation: detects changes during lookups and iteration.
    mutations: Cell<u64>,
}

impl_payload!(PyDict, Dict, subclassable);

/// What a probe found.
enum Probe {
    /// The index into `entries`.
    Found(usize),
    Missing,
}

impl PyDict {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        let table = self.table.borrow();
        tracer.external += std::mem::size_of_val(&table.indices[..]) + std::mem::size_of_val(&table.entries[..]);
        for entry in table.entries.iter() {
            tracer.mark(entry.key);
            tracer.mark(entry.value);
        }
    }

    pub fn empty_payload() -> PyDict {
        PyDict {
            header: ObjHeader::new(PyDict::LAYOUT, Value::NULL),
            table: RefCell::new(DictTable::default()),
            keys_version: Cell::new(fresh_keys_version()),
            mutations: Cell::new(0),
        }
    }

    /// A new empty exact dict.
    pub fn new(vm: &mut Vm) -> Gc<PyDict> {
        let ty = vm.types.dict;
        vm.alloc(PyDict::empty_payload(), ty)
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Changes whenever a key is added or removed.
    #[inline]
    pub fn keys_version(&self) -> u32 {
        self.keys_version.get()
    }

    /// Changes on every mutation.
    #[inline]
    pub fn mutation_count(&self) -> u64 {
        self.mutations.get()
    }

    fn touch(&self, keys_changed: bool) {
        self.mutations.set(self.mutations.get() + 1);
        if keys_changed {
            self.keys_version.set(fresh_keys_version());
        }
    }

    /// Find `key` (with hash `hash`), comparing with `==` when needed.
    fn probe(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<Probe> {
        'restart: loop {
            let start_mutations = self.mutations.get();
            let mut perturb = hash as u64;
            let (mask, mut i) = {
                let table = self.table.borrow();
                if table.indices.is_empty() {
                    return Ok(Probe::Missing);
                }
                (table.mask(), (hash as u64 as usize) & table.mask())
            };
            loop {
                let candidate = {
                    let table = self.table.borrow();
                    let ix = table.indices[i];
                    if ix == EMPTY {
                        return Ok(Probe::Missing);
                    }
                    if ix >= 0 {
                        let entry = table.entries[ix as usize];
                        if entry.key.is(key) {
                            return Ok(Probe::Found(ix as usize));
                        }
                        if entry.hash == hash && !entry.key.is_null() {
                            if let Some(equal) = fast_key_eq(entry.key, key) {
                                if equal {
                                    return Ok(Probe::Found(ix as usize));
                                }
                                None
                            } else {
                                Some((ix as usize, entry.key))
                            }
                        } else {
                            None
                        }
                    } else {
                        None
                    }
                };
                if let Some((ix, candidate_key)) = candidate {
                    let equal = crate::protocol::compare::eq(vm, candidate_key, key)?;
                    if self.mutations.get() != start_mutations {
                        continue 'restart;
                    }
                    if equal {
                        return Ok(Probe::Found(ix));
                    }
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
        }
    }

    /// `d[key]` or `None`.
    pub fn get_item(&self, vm: &mut Vm, key: Value) -> PyResult<Option<Value>> {
        let hash = crate::protocol::hash::hash(vm, key)?;
        self.get_item_hashed(vm, key, hash)
    }

    pub fn get_item_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<Option<Value>> {
        match self.probe(vm, key, hash)? {
            Probe::Found(ix) => Ok(Some(self.table.borrow().entries[ix].value)),
            Probe::Missing => Ok(None),
        }
    }

    /// `d[key] = value`.
    pub fn set_item(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = crate::protocol::hash::hash(vm, key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    pub fn set_item_hashed(&self, vm: &mut Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        match self.probe(vm, key, hash)? {
            Probe::Found(ix) => {
                self.table.borrow_mut().entries[ix].value = value;
                self.touch(false);
            }
            Probe::Missing => {
                self.table.borrow_mut().append(hash, key, value);
                self.touch(true);
                vm.account_external(24);
            }
        }
        Ok(())
    }

    /// Remove `key`, returning its value, or `None` if absent.
    pub fn del_item(&self, vm: &mut Vm, key: Value) -> PyResult<Option<Value>> {
        let hash = crate::protocol::hash::hash(vm, key)?;
        match self.probe(vm, key, hash)? {
            Probe::Found(ix) => Ok(Some(self.remove_entry(ix))),
            Probe::Missing => Ok(None),
        }
    }

    fn remove_entry(&self, ix: usize) -> Value {
        let mut table = self.table.borrow_mut();
        let entry = table.entries[ix];
        let slot = {
            let mask = table.mask();
            let mut perturb = entry.hash as u64;
            let mut i = (entry.hash as u64 as usize) & mask;
            while table.indices[i] != ix as i64 {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            i
        };
        table.indices[slot] = DUMMY;
        table.entries[ix].key = Value::NULL;
        table.entries[ix].value = Value::NULL;
        table.used -= 1;
        drop(table);
        self.touch(true);
        entry.value
    }

    /// Lookup by an exact-str key without running Python code (for
    /// namespaces: module globals, type dicts, instance `__dict__`s). Keys
    /// that are not exact strings never match.
    pub fn get_str(&self, key: Gc<PyStr>) -> Option<Value> {
        self.find_str(key).map(|ix| self.table.borrow().entries[ix].value)
    }

    /// `d[key]` for `key` an exact str or a small int (hashed by `hash`),
    /// when the lookup runs no Python code: `None` when an entry of the
    /// same hash has a key that is neither `key` itself nor an equal exact
    /// str, which the lookup would compare with `__eq__`; `Some(None)` when
    /// `key` is missing. (For compiled code, which runs no Python code.)
    pub fn get_without_eq(&self, vm: &Vm, key: Value, hash: i64) -> Option<Option<Value>> {
        let table = self.table.borrow();
        let key_str = key.downcast::<PyStr>();
        for ix in table.probe_entries(hash) {
            let entry = &table.entries[ix];
            if entry.key.is(key) {
                return Some(Some(entry.value));
            }
            if entry.hash == hash {
                let other = entry.key.downcast::<PyStr>().filter(|_| vm.is_exact(entry.key, vm.types.str));
                match (key_str, other) {
                    (Some(a), Some(b)) if a.as_str() == b.as_str() => return Some(Some(entry.value)),
                    (Some(_), Some(_)) => {}
                    _ => return None,
                }
            }
        }
        Some(None)
    }

    /// The entry index of an exact-str key. (The probe loop written out:
    /// on this hot path `probe_entries`' iterator costs 3% more
    /// instructions on a loop of dict reads and writes.)
    pub fn find_str(&self, key: Gc<PyStr>) -> Option<usize> {
        let hash = key.hash();
        let table = self.table.borrow();
        if table.indices.is_empty() {
            return None;
        }
        let mask = table.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = table.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                let entry = &table.entries[ix as usize];
                if entry.key.is(key.value()) {
                    return Some(ix as usize);
                }
                if entry.hash == hash {
                    if let Some(s) = entry.key.downcast::<PyStr>() {
                        if s.as_str() == key.as_str() {
                            return Some(ix as usize);
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// `d[key] = value` for an exact-str key (cannot run Python code).
    pub fn set_str(&self, vm: &mut Vm, key: Gc<PyStr>, value: Value) {
        match self.find_str(key) {
            Some(ix) => {
                self.table.borrow_mut().entries[ix].value = value;
                self.touch(false);
            }
            None => {
                self.table.borrow_mut().append(key.hash(), key.value(), value);
                self.touch(true);
                vm.account_external(24);
            }
        }
    }

    /// Remove an exact-str key.
    pub fn del_str(&self, key: Gc<PyStr>) -> Option<Value> {
        let ix = self.find_str(key)?;
        Some(self.remove_entry(ix))
    }

    /// The value at an entry index (for caches that recorded `find_str`);
    /// `None` if the entry was deleted.
    #[inline]
    pub fn entry_value(&self, ix: usize) -> Option<Value> {
        let table = self.table.borrow();
        table.entries.get(ix).filter(|e| !e.key.is_null()).map(|e| e.value)
    }

    /// Replace the value at an entry index (same key).
    pub fn set_entry_value(&self, ix: usize, value: Value) {
        self.table.borrow_mut().entries[ix].value = value;
        self.touch(false);
    }

    /// The live entry at or after position `pos` of the entry array, with
    /// the position after it: the iteration primitive.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Entry)> {
        let table = self.table.borrow();
        let mut i = pos;
        while i < table.entries.len() {
            let entry = table.entries[i];
            if !entry.key.is_null() {
                return Some((i + 1, entry));
            }
            i += 1;
        }
        None
    }

    /// The length of the entry array (live and deleted entries): the start
    /// position of a reverse iteration.
    pub fn entry_count(&self) -> usize {
        self.table.borrow().entries.len()
    }

    /// The live entry before position `pos` of the entry array, with its own
    /// position: the reverse iteration primitive (`reversed(d)`).
    pub fn prev_entry(&self, pos: usize) -> Option<(usize, Entry)> {
        let table = self.table.borrow();
        let mut i = pos.min(table.entries.len());
        while i > 0 {
            i -= 1;
            let entry = table.entries[i];
            if !entry.key.is_null() {
                return Some((i, entry));
            }
        }
        None
    }

    /// A snapshot of the (key, value) pairs. The values must be rooted by
    /// the caller before anything allocates (they are also still in the dict
    /// unless it is mutated).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.borrow().entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value)).collect()
    }

    /// A snapshot of the keys.
    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().entries.iter().filter(|e| !e.key.is_null()).map(|e| e.key).collect()
    }

    /// A snapshot of the values.
    pub fn values(&self) -> Vec<Value> {
        self.table.borrow().entries.iter().filter(|e| !e.key.is_null()).map(|e| e.value).collect()
    }

    pub fn clear(&self) {
        *self.table.borrow_mut() = DictTable::default();
        self.touch(true);
    }

    /// Remove and return the last inserted pair.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let ix = {
            let table = self.table.borrow();
            table.entries.iter().rposition(|e| !e.key.is_null())?
        };
        let key = self.table.borrow().entries[ix].key;
        let value = self.remove_entry(ix);
        Some((key, value))
    }

    /// A shallow copy with the same class as an exact dict.
    pub fn copy(&self, vm: &mut Vm) -> Gc<PyDict> {
        let copy = PyDict::new(vm);
        copy.fill_from(self);
        copy
    }

    /// Copy every entry of `source` into this dict, which is empty (no
    /// key comparisons, so no Python code runs).
    pub fn fill_from(&self, source: &PyDict) {
        debug_assert!(self.is_empty());
        {
            let source = source.table.borrow();
            let mut table = self.table.borrow_mut();
            for entry in source.entries.iter().filter(|e| !e.key.is_null()) {
                table.append(entry.hash, entry.key, entry.value);
            }
        }
        self.touch(true);
    }
}

/// Key equality that needs no Python code: `Some(result)` when both keys
/// are exact strs or small ints, `None` when `==` must be called.
fn fast_key_eq(a: Value, b: Value) -> Option<bool> {
    if a.is_small_int() && b.is_small_int() {
        return Some(a.is(b));
    }
    if let (Some(x), Some(y)) = (a.downcast::<PyStr>(), b.downcast::<PyStr>()) {
        if x.header().attrs().is_none() && y.header().attrs().is_none() {
            return Some(x.as_str() == y.as_str());
        }
    }
    None
}

/// A read-only view of a dict (`type.__dict__`).
#[repr(C)]
pub struct PyMappingProxy {
    header: ObjHeader,
    pub mapping: ValueCell,
}

impl_payload!(PyMappingProxy, MappingProxy);

impl PyMappingProxy {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.mapping.get());
    }
}

/// `dict[key] = value` for the operands of [`subscript_without_eq`], when
/// that store runs no Python code; false (nothing stored) otherwise.
pub fn store_without_eq(vm: &mut Vm, dict: Value, key: Value, value: Value) -> bool {
    if subscript_without_eq(vm, dict, key).is_none() {
        return false;
    }
    let d = dict.downcast::<PyDict>().expect("an exact dict");
    let hash = pure_key_hash(vm, key).expect("a str or small int key");
    // No key of this hash needs `__eq__` (just checked), so the store's
    // probe runs no Python code and cannot fail.
    d.set_item_hashed(vm, key, hash, value).is_ok()
}

/// The hash of an exact str or a small int.
fn pure_key_hash(vm: &Vm, key: Value) -> Option<i64> {
    match key.as_small_int() {
        Some(i) => Some(crate::numeric::hash::hash_i64(i)),
        None => Some(key.downcast::<PyStr>().filter(|_| vm.is_exact(key, vm.types.str))?.hash()),
    }
}

/// `dict[key]` for an exact dict and a key that is an exact str or a
/// small int, when the lookup runs no Python code (`get_without_eq`):
/// `None` when it might, or for other operands; `Some(None)` when the key
/// is missing.
pub fn subscript_without_eq(vm: &Vm, dict: Value, key: Value) -> Option<Option<Value>> {
    let d = dict.downcast::<PyDict>().filter(|_| vm.is_exact(dict, vm.types.dict))?;
    d.get_without_eq(vm, key, pure_key_hash(vm, key)?)
}

pub fn new_mappingproxy(vm: &mut Vm, mapping: Value) -> Value {
    let ty = vm.types.mappingproxy;
    let proxy = PyMappingProxy {
        header: ObjHeader::new(PyMappingProxy::LAYOUT, Value::NULL),
        mapping: ValueCell::new(mapping),
    };
    vm.alloc(proxy, ty).value()
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "dict",
    base: None,
    layout: PyDict::LAYOUT,
    layout_with_attrs: PyDict::LAYOUT_WITH_ATTRS,
    methods: crate::types::dict_methods::METHODS,
    getsets: &[],
    doc: "dict() -> new empty dictionary",
};

pub static KEYS_SPEC: TypeSpec = crate::types::dict_methods::KEYS_SPEC;
pub static VALUES_SPEC: TypeSpec = crate::types::dict_methods::VALUES_SPEC;
pub static ITEMS_SPEC: TypeSpec = crate::types::dict_methods::ITEMS_SPEC;
pub static MAPPINGPROXY_SPEC: TypeSpec = crate::types::dict_methods::MAPPINGPROXY_SPEC;
