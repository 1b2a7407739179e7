//! Maps (hidden classes): how instances store their attributes.
//!
//! An instance's attribute area holds a map and a vector of values. The map
//! lists the attribute names in slot order; instances that got the same
//! attributes in the same order share one map, reached from their class's
//! root map by transitions (adding name `x` to map M always gives the same
//! child map). So an attribute read is "find the slot of `x` in M" (cached
//! by the interpreter per instruction as (type version, map, slot)) plus an
//! index, and an instance costs its values and one map pointer, as with
//! `__slots__`.
//!
//! When an attribute is deleted, or `__dict__` is asked for, the instance
//! leaves maps behind: its map field then holds a real `dict` with its
//! attributes, which `__dict__` returns and which stays live both ways.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::gc::Tracer;
use crate::impl_payload;
use crate::object::{Gc, InstanceAttrs, ObjHeader, PyPayload};
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyMap {
    header: ObjHeader,
    /// A unique id, for inline caches (never reused).
    pub id: u32,
    /// Interned attribute names, in slot order (`slot_of` relies on it).
    names: Box<[Value]>,
    /// How many leading names are `__slots__` members: their values stay in
    /// the instance (never in `__dict__`), read by the member descriptors.
    reserved: usize,
    /// (name, child map) for each attribute added to instances of this map.
    transitions: RefCell<Vec<(Value, Value)>>,
}

impl_payload!(PyMap, Map);

static NEXT_MAP_ID: AtomicU32 = AtomicU32::new(1);

impl PyMap {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.names);
        for &(name, child) in self.transitions.borrow().iter() {
            tracer.mark(name);
            tracer.mark(child);
        }
    }

    /// A class's root map: its `__slots__` members (bases' first), if any.
    pub fn new_root(vm: &mut Vm, slots: Vec<Value>) -> Gc<PyMap> {
        let reserved = slots.len();
        let slots: Vec<Value> =
            slots.into_iter().map(|s| s.downcast::<PyStr>().map_or(s, |s| vm.intern_value(s))).collect();
        Self::with_names(vm, slots.into_boxed_slice(), reserved)
    }

    fn with_names(vm: &mut Vm, names: Box<[Value]>, reserved: usize) -> Gc<PyMap> {
        let ty = vm.types.instance_map;
        let id = NEXT_MAP_ID.fetch_add(1, Ordering::Relaxed);
        let map = PyMap {
            header: ObjHeader::new(PyMap::LAYOUT, Value::NULL),
            id,
            names,
            reserved,
            transitions: RefCell::new(Vec::new()),
        };
        vm.alloc(map, ty)
    }

    /// The number of `__slots__` members at the front.
    pub fn reserved(&self) -> usize {
        self.reserved
    }

    /// The slot of attribute `name`, if the map has it.
    #[inline]
    pub fn slot_of(&self, name: Gc<PyStr>) -> Option<usize> {
        if let Some(i) = self.names.iter().position(|&n| n.is(name.value())) {
            return Some(i);
        }
        // A map's names are interned, so an interned name not found by
        // identity is not there.
        if name.is_interned() {
            return None;
        }
        // A name that is not the interned object (e.g. from `getattr` with
        // a computed string): compare by (cached) hash first.
        let (text, hash) = (name.as_str(), name.hash());
        self.names.iter().position(|&n| n.downcast::<PyStr>().is_some_and(|s| s.hash() == hash && s.as_str() == text))
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[Value] {
        &self.names
    }
}

/// Where an instance's attributes are.
pub enum Storage {
    /// No attribute area (a builtin instance).
    None,
    /// Map-based.
    Map(Gc<PyMap>),
    /// Dict-based (after a deletion or `__dict__`).
    Dict(Gc<PyDict>),
    /// An attribute area with no attributes yet.
    Empty,
}

pub fn storage(attrs: &InstanceAttrs) -> Storage {
    let m = attrs.map.get();
    if m.is_null() {
        Storage::Empty
    } else if let Some(map) = m.downcast::<PyMap>() {
        Storage::Map(map)
    } else if let Some(dict) = m.downcast::<PyDict>() {
        Storage::Dict(dict)
    } else {
        Storage::Empty
    }
}

/// Read an instance attribute (not a `__slots__` member: those belong to
/// their descriptors, see `get_slot`).
pub fn get(attrs: &InstanceAttrs, name: Gc<PyStr>) -> Option<Value> {
    match storage(attrs) {
        Storage::Map(map) => {
            map.slot_of(name).filter(|&i| i >= map.reserved).and_then(|i| attrs.values.get(i)).filter(|v| !v.is_null())
        }
        Storage::Dict(dict) => dict.get_str(name),
        Storage::None | Storage::Empty => None,
    }
}

/// The value of `__slots__` member number `index`, if set.
pub fn get_slot(attrs: &InstanceAttrs, index: usize) -> Option<Value> {
    attrs.values.get(index).filter(|v| !v.is_null())
}

/// Set (or with NULL, clear) `__slots__` member number `index`; false when
/// clearing a member that was not set.
pub fn set_slot(attrs: &InstanceAttrs, root: Gc<PyMap>, index: usize, value: Value) -> bool {
    if attrs.map.get().is_null() {
        attrs.map.set(root.value());
    }
    let values = &attrs.values;
    if values.len() <= index {
        values.resize(index + 1);
    }
    let had = values.get(index).is_some_and(|v| !v.is_null());
    values.set(index, value);
    had || !value.is_null()
}

/// Write an instance attribute. `name` should be interned.
pub fn set(
    vm: &mut Vm,
    attrs: &InstanceAttrs,
    class_root: impl FnOnce(&mut Vm) -> Gc<PyMap>,
    name: Gc<PyStr>,
    value: Value,
) {
    let map = match storage(attrs) {
        Storage::Dict(dict) => {
            dict.set_str(vm, name, value);
            return;
        }
        Storage::Map(map) => map,
        Storage::None | Storage::Empty => {
            let root = class_root(vm);
            attrs.map.set(root.value());
            attrs.values.resize(root.reserved);
            root
        }
    };
    if let Some(i) = map.slot_of(name).filter(|&i| i >= map.reserved) {
        attrs.values.set(i, value);
        return;
    }
    let name_value = vm.intern_value(name);
    let child = map.child(vm, name_value);
    attrs.values.push(value);
    attrs.map.set(child.value());
}

/// Switch the instance to dict storage and return the dict.
pub fn to_dict(vm: &mut Vm, attrs: &InstanceAttrs) -> Gc<PyDict> {
    match storage(attrs) {
        Storage::Dict(dict) => dict,
        Storage::Map(map) => {
            let dict = PyDict::new(vm);
            let values = attrs.values.to_vec();
            // Slot members keep their places at the front of `values`.
            for (i, &name) in map.names().iter().enumerate().skip(map.reserved) {
                if let Some(name) = name.downcast::<PyStr>() {
                    dict.set_str(vm, name, values[i]);
                }
            }
            attrs.map.set(dict.value());
            attrs.values.truncate(map.reserved);
            dict
        }
        Storage::None | Storage::Empty => {
            let dict = PyDict::new(vm);
            attrs.map.set(dict.value());
            dict
        }
    }
}

/// Delete an instance attribute; false if it was not there.
pub fn delete(vm: &mut Vm, attrs: &InstanceAttrs, name: Gc<PyStr>) -> bool {
    match storage(attrs) {
        Storage::None | Storage::Empty => false,
        Storage::Map(map) => {
            if map.slot_of(name).filter(|&i| i >= map.reserved).is_none() {
                return false;
            }
            to_dict(vm, attrs).del_str(name).is_some()
        }
        Storage::Dict(dict) => dict.del_str(name).is_some(),
    }
}

impl Gc<PyMap> {
    /// The map with interned `name` appended, if some instance made it.
    #[inline]
    pub fn existing_child(self, name: Value) -> Option<Gc<PyMap>> {
        let transitions = self.transitions.borrow();
        let &(_, child) = transitions.iter().find(|(n, _)| n.is(name))?;
        child.downcast::<PyMap>()
    }

    /// The map with `name` appended (shared by every instance that adds it).
    pub fn child(self, vm: &mut Vm, name: Value) -> Gc<PyMap> {
        if let Some(child) = self.existing_child(name) {
            return child;
        }
        let mut names = self.names.to_vec();
        names.push(name);
        let child = PyMap::with_names(vm, names.into_boxed_slice(), self.reserved);
        self.transitions.borrow_mut().push((name, child.value()));
        child
    }
}
