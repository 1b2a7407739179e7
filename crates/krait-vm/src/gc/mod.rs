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
//! collection exceed the larger of `MIN_THRESHOLD` and the bytes live after
//! it (so the heap stays within about twice the live data). With
//! `KRAIT_GC_STRESS=1` it collects every `STRESS_INTERVAL` allocations and
//! poisons freed memory, so a missing root shows up as a crash in tests.

mod heap;
mod stack;

use std::ptr::NonNull;

pub use heap::Heap;
pub use stack::StackBounds;

use crate::object::{header_bits, ObjHeader};
use crate::value::Value;

/// The smallest allocation volume between two collections. Small on
/// purpose: short-lived objects are then reused while their memory is
/// still in the CPU caches, and peak memory stays close to the live data
/// (measured on bench/: 2 MB was as fast as 8 MB and used half the memory).
pub const MIN_THRESHOLD: usize = 2 << 20;
/// Under GC stress, collect after this many allocations.
pub const STRESS_INTERVAL: usize = 97;

/// The marking state: a worklist of objects marked but not yet traced.
pub struct Tracer {
    worklist: Vec<NonNull<ObjHeader>>,
}

impl Tracer {
    pub fn new() -> Tracer {
        Tracer { worklist: Vec::with_capacity(1024) }
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

    #[inline]
    pub fn mark_object(&mut self, ptr: NonNull<ObjHeader>) {
        // SAFETY: callers pass pointers to allocated objects only.
        let header = unsafe { ptr.as_ref() };
        let bits = header.bits();
        if bits & header_bits::MARK == 0 {
            header.set_bits(bits | header_bits::MARK);
            self.worklist.push(ptr);
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
pub fn scan_native_stack(heap: &Heap, bounds: &StackBounds, tracer: &mut Tracer) {
    let registers = stack::spill_registers();
    let low = registers.as_ptr() as usize;
    let high = bounds.base;
    let mut addr = low & !7;
    while addr + 8 <= high {
        // SAFETY: `low..high` is the live part of this thread's stack.
        let word = unsafe { std::ptr::read_volatile(addr as *const usize) };
        if word >= 4096 {
            if let Some(object) = heap.object_containing(word) {
                tracer.mark_object(object);
            }
        }
        addr += 8;
    }
    std::hint::black_box(&registers);
}

/// Mark the objects that the words of `region` point into, treating each
/// word as a possible pointer (used for the interpreter's operand stacks).
pub fn scan_conservatively(heap: &Heap, region: &[Value], tracer: &mut Tracer) {
    for value in region {
        let word = value.to_bits() as usize;
        if word >= 4096 && word & 7 == 0 {
            if let Some(object) = heap.object_containing(word) {
                tracer.mark_object(object);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::ptr::NonNull;

    use super::*;
    use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};

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

    fn alloc_node(heap: &mut Heap, next: Value) -> Gc<Node> {
        let memory = heap.allocate(Node::LAYOUT.alloc_size()).unwrap().as_ptr();
        // SAFETY: fresh memory of the payload's size, written whole.
        unsafe {
            std::ptr::write(
                memory as *mut Node,
                Node { header: ObjHeader::new(Node::LAYOUT, Value::NULL), next: ValueCell::new(next) },
            );
            Gc::from_raw(NonNull::new_unchecked(memory as *mut ObjHeader))
        }
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
        scan_conservatively(&heap, &[interior, Value::from_small(7)], &mut tracer);
        tracer.drain();
        let mut freed = 0;
        heap.sweep(|_| freed += 1);
        assert_eq!(freed, 0);
    }
}
