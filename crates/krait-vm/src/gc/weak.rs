//! Weak references, as the collector sees them.
//!
//! A weak reference object (`PyWeakRef`, `types/weakref.rs`) holds its
//! referent in a field the tracer does not mark. The collector learns about
//! it from this side table, keyed by the referent's address (the heap never
//! moves, so an address names an object for as long as it lives):
//!
//! ```text
//!   referent address ──▶ [weakref, weakref, ...]   (creation order)
//! ```
//!
//! No header bit or allocation-path work is needed: only objects that have
//! weak references appear here, and `getweakrefcount`/`getweakrefs` and the
//! reuse of a callback-less `ref` read the same lists.
//!
//! ## Invariants
//!
//! * Every live weakref whose referent is alive is in the list of its
//!   referent, and in no other; a cleared weakref is in no list.
//! * After marking (roots, then the objects kept for their finalizers, see
//!   `finalize.rs`), `process` clears every weakref whose referent is
//!   unmarked and drops the lists' entries for weakrefs that are unmarked
//!   themselves, *before* the sweep frees anything: so the table never
//!   names a freed object, and an address reused by a later allocation
//!   starts with no weakrefs.
//! * A cleared weakref that is itself alive and has a callback is returned
//!   to the caller, which runs the callback after the sweep, outside the
//!   collector (CPython's `handle_weakrefs`). A weakref that dies in the
//!   same collection as its referent gets no callback, as in CPython.

use std::collections::HashMap;
use std::ptr::NonNull;

use crate::object::{header_bits, Gc, ObjHeader};
use crate::types::weakref::PyWeakRef;
use crate::value::Value;

/// The weak references of the heap, by referent.
#[derive(Default)]
pub struct WeakTable {
    by_referent: HashMap<usize, Vec<Gc<PyWeakRef>>>,
    /// Weakrefs created so far (orders callbacks deterministically).
    next_serial: u64,
}

/// Whether an object survives this collection.
pub(crate) fn is_marked(ptr: NonNull<ObjHeader>) -> bool {
    // SAFETY: the table only holds pointers to allocated objects (see the
    // invariants above).
    unsafe { ptr.as_ref() }.bits() & (header_bits::MARK | header_bits::IMMORTAL) != 0
}

impl WeakTable {
    /// Record a new weakref to `referent`; returns its serial number.
    pub fn register(&mut self, referent: Value, weakref: Gc<PyWeakRef>) -> u64 {
        let key = referent.to_bits() as usize;
        self.by_referent.entry(key).or_default().push(weakref);
        self.next_serial += 1;
        self.next_serial
    }

    /// The live weakrefs to `referent`, oldest first.
    pub fn refs_to(&self, referent: Value) -> &[Gc<PyWeakRef>] {
        self.by_referent.get(&(referent.to_bits() as usize)).map_or(&[], |v| v.as_slice())
    }

    /// Forget one weakref (it was cleared by other means).
    pub fn unregister(&mut self, referent: Value, weakref: Gc<PyWeakRef>) {
        let key = referent.to_bits() as usize;
        if let Some(list) = self.by_referent.get_mut(&key) {
            list.retain(|w| *w != weakref);
            if list.is_empty() {
                self.by_referent.remove(&key);
            }
        }
    }

    /// Clear the weakrefs of unmarked referents and forget unmarked
    /// weakrefs (call after marking, before sweeping). Returns the cleared
    /// weakrefs that survive and have a callback, in creation order.
    pub fn process(&mut self) -> Vec<Gc<PyWeakRef>> {
        let mut callbacks = Vec::new();
        self.by_referent.retain(|&referent, refs| {
            // SAFETY: keys are addresses of allocated objects (invariant 1).
            let referent = unsafe { NonNull::new_unchecked(referent as *mut ObjHeader) };
            if is_marked(referent) {
                refs.retain(|w| is_marked(NonNull::from(w.header())));
                return !refs.is_empty();
            }
            for &weakref in refs.iter() {
                weakref.clear();
                if is_marked(NonNull::from(weakref.header())) && weakref.has_callback() {
                    callbacks.push(weakref);
                }
            }
            false
        });
        callbacks.sort_by_key(|w| w.serial());
        callbacks
    }

    /// How many referents have weakrefs (for tests and `gc` statistics).
    pub fn len(&self) -> usize {
        self.by_referent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_referent.is_empty()
    }
}
