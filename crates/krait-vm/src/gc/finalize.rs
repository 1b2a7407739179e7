//! Finalizers: `__del__`, and closing generators, run after their object is
//! found unreachable — PyPy's semantics, in the order of PEP 442.
//!
//! ## The algorithm
//!
//! Objects that may need a finalizer are *candidates*, listed here when they
//! become so: instances of classes with `__del__` when allocated
//! (`Vm::alloc_instance` tests a type flag, so plain allocation pays
//! nothing), generators when first suspended (only a suspended generator
//! has a frame to close). A collection then runs
//!
//! 1. mark from the roots;
//! 2. `select`: every unmarked candidate that still needs finalizing is
//!    moved to the *queue* (a root from now on) and marked, with everything
//!    it reaches: they all stay alive for this cycle, so the finalizer sees
//!    intact objects and may resurrect them; the other unmarked candidates
//!    are dropped from the list and die normally;
//! 3. weak references are processed (`weak.rs`): an object kept alive for a
//!    finalizer keeps its weakrefs until a later collection finds it
//!    unreachable again, so a `__del__` that resurrects its object leaves
//!    the weakrefs intact, as with CPython's reference counting;
//! 4. sweep.
//!
//! The queue is run outside the collector — never inside an allocation,
//! where Rust code may hold borrows — by `Vm::run_finalizers`: at the next
//! interpreter safepoint (`RESUME`, `JUMP_BACKWARD`), in `gc.collect()`, and
//! at exit. A finalized object is no longer a candidate, so its finalizer
//! runs at most once, and the object is freed by the first collection that
//! finds it unreachable again.

use std::collections::VecDeque;
use std::ptr::NonNull;

use crate::gc::weak::is_marked;
use crate::gc::Tracer;
use crate::object::ObjHeader;
use crate::value::Value;

/// The candidates and the queue of objects waiting for their finalizer.
#[derive(Default)]
pub struct FinalizerTable {
    /// Objects that may need finalizing, in registration order (not roots).
    candidates: Vec<NonNull<ObjHeader>>,
    /// Unreachable objects whose finalizer has not run yet (roots).
    queue: VecDeque<Value>,
}

impl FinalizerTable {
    pub fn register(&mut self, object: NonNull<ObjHeader>) {
        self.candidates.push(object);
    }

    /// Step 2 above: queue and mark the unmarked candidates for which
    /// `needs_finalizer` holds, forget the other unmarked ones. Returns how
    /// many were queued.
    pub fn select(&mut self, tracer: &mut Tracer, needs_finalizer: impl Fn(NonNull<ObjHeader>) -> bool) -> usize {
        let mut doomed = Vec::new();
        self.candidates.retain(|&object| {
            if is_marked(object) {
                return true;
            }
            if needs_finalizer(object) {
                doomed.push(object);
            }
            false
        });
        for &object in &doomed {
            tracer.mark_object(object);
        }
        tracer.drain();
        let queued = doomed.len();
        self.queue.extend(doomed.into_iter().map(Value::from_object));
        queued
    }

    /// Queue every remaining candidate (at exit, when everything is about
    /// to go).
    pub fn queue_all(&mut self) {
        let all = std::mem::take(&mut self.candidates);
        self.queue.extend(all.into_iter().map(Value::from_object));
    }

    /// The next object whose finalizer is due, oldest first.
    pub fn next_due(&mut self) -> Option<Value> {
        self.queue.pop_front()
    }

    pub fn has_due(&self) -> bool {
        !self.queue.is_empty()
    }

    pub fn trace(&self, tracer: &mut Tracer) {
        for &value in &self.queue {
            tracer.mark(value);
        }
    }
}

/// Run one object's finalizer: close a generator, call `__del__` otherwise
/// (looked up now: the class may have lost it). Errors are reported, not
/// raised (CPython's `PyErr_WriteUnraisable`).
pub fn finalize_object(vm: &mut crate::vm::Vm, object: Value) {
    if let Some(gen) = object.downcast::<crate::types::generator::PyGenerator>() {
        if let Err(err) = crate::types::generator::close(vm, gen) {
            vm.report_unraisable(err, object);
        }
        return;
    }
    let class = vm.class_of(object);
    let Some(del) = class.lookup_str(vm, "__del__") else { return };
    if let Err(err) = crate::protocol::call::call(vm, del, &[object]) {
        vm.report_unraisable(err, del);
    }
}
