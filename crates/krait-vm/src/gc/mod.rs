//! The garbage collector: non-moving mark-sweep, precise for the heap and
//! the interpreter's value stacks, conservative for the native stack.
//!
//! ## Roots
//!
//! * The VM's own roots, marked precisely by `Vm::trace_roots`: the value
//!   stack up to its top, the frames, the builtin types and modules, interned
//!   strings, the current exception.
//! * The native stack of the interpreter thread, from the collector's own
//!   frame to the stack's base, with the callee-saved registers spilled onto
//!   it first. Every word that points into an allocated object (interior
//!   pointers included) marks that object. This is what lets Rust code hold
//!   `Value`s and `Gc<T>`s in locals across allocations without ceremony, and
//!   what lets JIT-compiled code run without stack maps.
//!
//! ## The rooting rule
//!
//! A `Vec<Value>` in Rust heap memory is invisible to the collector unless a
//! heap object owns it and traces it. Code that gathers values in a growing
//! buffer across calls that can allocate must gather them in a heap object
//! (`RootedVec` wraps a `list` for this) rather than a bare `Vec`. Values in
//! fixed arrays on the stack, in `Gc`s and in `Value` locals need nothing.
//!
//! ## When it runs
//!
//! An allocation collects first when the bytes allocated since the last
//! collection exceed the larger of `MIN_THRESHOLD` and half the bytes live
//! after the last two collections, whichever is smaller. The live bytes
//! are the cells the sweep keeps plus the Rust buffers their objects own
//! (list items, dict and set tables, bytes, big-int digits), which tracing
//! counts: without those, a program holding one big list would mark it
//! every `MIN_THRESHOLD` bytes however large it is. Half, and the smaller
//! of two, because peak memory must stay near CPython's, which frees
//! garbage at once: a collection that happens to see a transient peak of
//! live data (a list being replaced by a filtered copy of itself) must not
//! license as much garbage again before the next one. Marking then costs
//! at most about two bytes of tracing per byte allocated. With
//! `KRAIT_GC_STRESS=1` it collects every `STRESS_INTERVAL` allocations and
//! poisons freed memory, so a missing root shows up as a crash in tests.
//! `gc.disable()` turns the automatic collections off.
//!
//! ## Weak references and finalizers
//!
//! Marking has two phases: from the roots, then from the objects that are
//! unreachable but need a finalizer (`finalize.rs`), which stay alive for
//! one more cycle. Weak references to objects still unmarked after both are
//! cleared (`weak.rs`). Finalizers and weakref callbacks never run inside
//! the collector: they are queued, and run by the VM at a safepoint.
//!
//! ## Prompt collection of an abandoned generator
//!
//! CPython closes a generator the moment its last reference goes, which
//! programs notice when a `for` loop is left by `break` while the generator
//! is suspended inside `try`/`with`: its `finally` runs right away. The
//! interpreter imitates that: when `POP_TOP` discards a generator suspended
//! where a handler covers it, the VM collects at once (rate-limited, see
//! `Vm::collect_abandoned_generator`), counting only precise references and
//! live operand-stack slots to that one generator — stale copies of the
//! pointer in the interpreter's native frame or above a stack top must not
//! keep it. Ignoring conservative references to it is memory-safe: an
//! unreachable generator is kept alive for its finalizer anyway.

pub mod finalize;
mod heap;
mod stack;
pub mod weak;

use std::ptr::NonNull;

pub use finalize::finalize_object;
pub use heap::Heap;
pub use stack::{scrub_stack, StackBounds};

use crate::object::{header_bits, ObjHeader};
use crate::value::Value;

/// The smallest allocation volume between two collections. Small on
/// purpose: short-lived objects are then reused while their memory is
/// still in the CPU caches, and peak memory stays close to the live data
/// (measured on bench/: 2 MB was as fast as 8 MB and used half the memory;
/// 1.5 MB is as fast again, and keeps `tuples` at 14 MB instead of 16.5).
pub const MIN_THRESHOLD: usize = 3 << 19;
/// Under GC stress, collect after this many allocations.
pub const STRESS_INTERVAL: usize = 97;

/// The marking state: a worklist of objects marked but not yet traced.
pub struct Tracer {
    worklist: Vec<NonNull<ObjHeader>>,
    /// Bytes of Rust memory owned by the objects traced so far (list
    /// buffers, dict tables, ...), which the sweep's cell sizes do not see:
    /// part of the live size that paces the next collection.
    pub external: usize,
}

impl Tracer {
    pub fn new() -> Tracer {
        Tracer { worklist: Vec::with_capacity(1024), external: 0 }
    }

    /// Mark a value's object (if it is one) as reachable.
    #[inline]
    pub fn mark(&mut self, value: Value) {
        if let Some(ptr) = value.as_object() {
            self.mark_object(ptr);
        }
    }

    /// Mark every value of a slice.
    pub fn mark_all(&mut self, values: &[Value]) {
        for &value in values {
            self.mark(value);
        }
    }

    /// Mark every value of a buffer the object being traced owns outside
    /// its cell, and count the buffer's bytes as live.
    pub fn mark_buffer(&mut self, values: &[Value]) {
        self.external += std::mem::size_of_val(values);
        self.mark_all(values);
    }

    #[inline]
    pub fn mark_object(&mut self, ptr: NonNull<ObjHeader>) {
        // SAFETY: callers pass pointers to allocated objects only.
        let header = unsafe { ptr.as_ref() };
        let bits = header.bits();
        if bits & header_bits::MARK == 0 {
            header.set_bits(bits | header_bits::MARK);
            if header.layout().leaf {
                // (A leaf's class is not a leaf: this recurses once at most.)
                self.mark(header.class());
            } else {
                self.worklist.push(ptr);
            }
        }
    }

    /// Trace until every reachable object is marked.
    pub fn drain(&mut self) {
        while let Some(ptr) = self.worklist.pop() {
            // SAFETY: the worklist holds allocated, live objects.
            unsafe {
                let layout = ptr.as_ref().layout();
                (layout.trace)(ptr, self);
            }
        }
    }
}

/// Mark every allocated object that a word on the native stack (between the
/// collector's frame and `bounds.base`) points into.
///
/// The callee-saved registers are spilled into a local array first, so a
/// value held only in a register is seen too.
#[inline(never)]
/// A word equal to `ignore` (an object's address, or 0) does not count.
/// With `skip_below` non-zero, the stack between the collector's frame and
/// that address is not scanned (the registers still are).
pub fn scan_native_stack(heap: &Heap, bounds: &StackBounds, tracer: &mut Tracer, ignore: usize, skip_below: usize) {
    let registers = stack::spill_registers();
    for &word in &registers {
        if word >= 4096 {
            if let Some(object) = heap.object_containing(word) {
                if object.as_ptr() as usize != ignore {
                    tracer.mark_object(object);
                }
            }
        }
    }
    let low = (registers.as_ptr() as usize).max(skip_below);
    let high = bounds.base;
    let mut addr = low & !7;
    while addr + 8 <= high {
        // SAFETY: `low..high` is the live part of this thread's stack.
        let word = unsafe { std::ptr::read_volatile(addr as *const usize) };
        if word >= 4096 {
            if let Some(object) = heap.object_containing(word) {
                if object.as_ptr() as usize != ignore {
                    tracer.mark_object(object);
                }
            }
        }
        addr += 8;
    }
    std::hint::black_box(&registers);
}

/// Mark the objects that the words of `region` point into, treating each
/// word as a possible pointer (used for the interpreter's operand stacks);
/// a word pointing into the object at `ignore` (or 0) does not count.
pub fn scan_conservatively(heap: &Heap, region: &[Value], tracer: &mut Tracer, ignore: usize) {
    for value in region {
        let word = value.to_bits() as usize;
        if word >= 4096 && word & 7 == 0 {
            if let Some(object) = heap.object_containing(word) {
                if object.as_ptr() as usize == ignore {
                    continue;
                }
                tracer.mark_object(object);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::ptr::NonNull;

    use super::*;
    use crate::gc::finalize::FinalizerTable;
    use crate::gc::weak::WeakTable;
    use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
    use crate::types::weakref::PyWeakRef;

    /// A heap object with one reference, for collector tests.
    #[repr(C)]
    struct Node {
        header: ObjHeader,
        next: ValueCell,
    }

    crate::impl_payload!(Node, Cell);

    impl Node {
        fn trace_fields(&self, tracer: &mut Tracer) {
            tracer.mark(self.next.get());
        }
    }

    fn alloc_raw<T: PyPayload>(heap: &mut Heap, payload: T) -> Gc<T> {
        let memory = heap.allocate(T::LAYOUT.alloc_size()).unwrap().as_ptr();
        // SAFETY: fresh memory of the payload's size, written whole.
        unsafe {
            std::ptr::write(memory as *mut T, payload);
            Gc::from_raw(NonNull::new_unchecked(memory as *mut ObjHeader))
        }
    }

    fn alloc_node(heap: &mut Heap, next: Value) -> Gc<Node> {
        alloc_raw(heap, Node { header: ObjHeader::new(Node::LAYOUT, Value::NULL), next: ValueCell::new(next) })
    }

    fn alloc_weakref(heap: &mut Heap, table: &mut WeakTable, referent: Value, callback: Value) -> Gc<PyWeakRef> {
        let weakref = alloc_raw(heap, PyWeakRef::new(referent, callback));
        table.register(referent, weakref);
        weakref
    }

    /// A collection with weak processing and finalizer selection, as
    /// `Vm::collect_with` orders them; returns (freed, queued, callbacks).
    fn collect_weak(
        heap: &mut Heap,
        roots: &[Value],
        weak: &mut WeakTable,
        finalizers: &mut FinalizerTable,
    ) -> (usize, usize, Vec<Gc<PyWeakRef>>) {
        let mut tracer = Tracer::new();
        tracer.mark_all(roots);
        finalizers.trace(&mut tracer);
        tracer.drain();
        let queued = finalizers.select(&mut tracer, |_| true);
        let callbacks = weak.process();
        let mut freed = 0;
        heap.sweep(|_| freed += 1);
        (freed, queued, callbacks)
    }

    #[test]
    fn weakrefs_to_dead_referents_are_cleared_and_live_ones_kept() {
        let mut heap = Heap::new();
        let mut weak = WeakTable::default();
        let mut finalizers = FinalizerTable::default();
        let target = alloc_node(&mut heap, Value::NULL);
        let callback = alloc_node(&mut heap, Value::NULL);
        let with_callback = alloc_weakref(&mut heap, &mut weak, target.value(), callback.value());
        let without = alloc_weakref(&mut heap, &mut weak, target.value(), Value::NULL);
        let roots = [target.value(), with_callback.value(), without.value()];
        let (freed, _, callbacks) = collect_weak(&mut heap, &roots, &mut weak, &mut finalizers);
        assert_eq!((freed, callbacks.len()), (0, 0));
        assert_eq!(weak.refs_to(target.value()).len(), 2);
        // The referent dies: both are cleared, only the one with a
        // callback is reported, and the callback object stays alive.
        let roots = [with_callback.value(), without.value()];
        let (freed, _, callbacks) = collect_weak(&mut heap, &roots, &mut weak, &mut finalizers);
        assert_eq!(freed, 1);
        assert_eq!(callbacks, vec![with_callback]);
        assert!(with_callback.referent().is_none() && without.referent().is_none());
        assert!(weak.is_empty());
    }

    #[test]
    fn a_weakref_dying_with_its_referent_gets_no_callback() {
        let mut heap = Heap::new();
        let mut weak = WeakTable::default();
        let mut finalizers = FinalizerTable::default();
        let target = alloc_node(&mut heap, Value::NULL);
        let callback = alloc_node(&mut heap, Value::NULL);
        let _weakref = alloc_weakref(&mut heap, &mut weak, target.value(), callback.value()).value().to_bits();
        let (freed, _, callbacks) = collect_weak(&mut heap, &[], &mut weak, &mut finalizers);
        assert_eq!((freed, callbacks.len()), (3, 0));
        assert!(weak.is_empty());
    }

    #[test]
    fn unreachable_finalizer_candidates_survive_one_cycle_with_what_they_reach() {
        let mut heap = Heap::new();
        let mut weak = WeakTable::default();
        let mut finalizers = FinalizerTable::default();
        let child = alloc_node(&mut heap, Value::NULL);
        let parent = alloc_node(&mut heap, child.value());
        finalizers.register(NonNull::from(parent.header()));
        let weakref = alloc_weakref(&mut heap, &mut weak, child.value(), Value::NULL);
        let (freed, queued, _) = collect_weak(&mut heap, &[weakref.value()], &mut weak, &mut finalizers);
        // Kept for the finalizer: nothing freed, the weakref still valid.
        assert_eq!((freed, queued), (0, 1));
        assert!(weakref.referent().is_some());
        assert!(finalizers.next_due().is_some_and(|v| v.is(parent.value())));
        // Finalized once: the next collection frees both and clears the weakref.
        let (freed, queued, _) = collect_weak(&mut heap, &[weakref.value()], &mut weak, &mut finalizers);
        assert_eq!((freed, queued), (2, 0));
        assert!(weakref.referent().is_none());
    }

    fn collect(heap: &mut Heap, roots: &[Value]) -> usize {
        let mut tracer = Tracer::new();
        tracer.mark_all(roots);
        tracer.drain();
        let mut freed = 0;
        heap.sweep(|_| freed += 1);
        freed
    }

    #[test]
    fn unreachable_objects_are_freed_and_reachable_chains_kept() {
        let mut heap = Heap::new();
        let tail = alloc_node(&mut heap, Value::NULL);
        let head = alloc_node(&mut heap, tail.value());
        let _garbage = alloc_node(&mut heap, Value::NULL).value().to_bits();
        assert_eq!(collect(&mut heap, &[head.value()]), 1);
        // The chain survives a second collection; nothing else was freed.
        assert_eq!(collect(&mut heap, &[head.value()]), 0);
        assert!(head.next.get().is(tail.value()));
        assert_eq!(collect(&mut heap, &[]), 2);
    }

    #[test]
    fn freed_cells_are_reused() {
        let mut heap = Heap::new();
        let first = alloc_node(&mut heap, Value::NULL).value().to_bits();
        collect(&mut heap, &[]);
        let again = alloc_node(&mut heap, Value::NULL).value().to_bits();
        assert_eq!(first, again);
    }

    #[test]
    fn conservative_scan_keeps_objects_named_by_interior_pointers() {
        let mut heap = Heap::new();
        let node = alloc_node(&mut heap, Value::NULL);
        let interior = Value::from_bits(node.value().to_bits() + 8);
        let mut tracer = Tracer::new();
        scan_conservatively(&heap, &[interior, Value::from_small(7)], &mut tracer, 0);
        tracer.drain();
        let mut freed = 0;
        heap.sweep(|_| freed += 1);
        assert_eq!(freed, 0);
    }
}
