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

/// The smallest allocation volume between two collections.
pub const MIN_THRESHOLD: usize = 8 << 20;
/// Under GC stress, collect after this many allocations.
pub const STRESS_INTERVAL: usize = 97;

/// The marking state: a worklist of objects marked but not yet traced.
pub struct Tracer {
    worklist: Vec<NonNull<ObjHeader>>,
}

impl Tracer {
    pub(crate) fn new() -> Tracer {
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
    pub(crate) fn mark_object(&mut self, ptr: NonNull<ObjHeader>) {
        // SAFETY: callers pass pointers to allocated objects only.
        let header = unsafe { ptr.as_ref() };
        let bits = header.bits();
        if bits & header_bits::MARK == 0 {
            header.set_bits(bits | header_bits::MARK);
            self.worklist.push(ptr);
        }
    }

    /// Trace until every reachable object is marked.
    pub(crate) fn drain(&mut self) {
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
pub(crate) fn scan_native_stack(heap: &Heap, bounds: &StackBounds, tracer: &mut Tracer) {
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
pub(crate) fn scan_conservatively(heap: &Heap, region: &[Value], tracer: &mut Tracer) {
    for value in region {
        let word = value.to_bits() as usize;
        if word >= 4096 && word & 7 == 0 {
            if let Some(object) = heap.object_containing(word) {
                tracer.mark_object(object);
            }
        }
    }
}
