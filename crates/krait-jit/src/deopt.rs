//! Deoptimisation: writing the interpreter frame back when a guard fails.
//!
//! A recorded loop's guards each carry a one-frame snapshot (see
//! [`crate::record`]): the frame's locals then operand stack as they were
//! before the instruction the guard protects, and that instruction's index.
//! [`write_back`] rebuilds it with [`crate::ir::resume::rebuild`] and boxes
//! each slot by its trace type: an `int` is a doubled small int (boxing is
//! setting the tag bit), a `float` becomes an immediate float or a
//! `PyFloat`, a `ref` is already a value word. The frame's `ip` is set to the
//! instruction and its `sp` to the end of the rebuilt stack; the interpreter
//! then runs the instruction generically.
//!
//! ## The collector
//!
//! Boxing a float may allocate, and so collect. The `int` and `ref` slots
//! are therefore written first (which allocates nothing), the float slots
//! left NULL, and `sp` set, so that when the floats are boxed one by one
//! every object the frame refers to is already in the frame, where the
//! collector finds it (locals precisely, the operand stack conservatively).

use krait_vm::jit_hooks;
use krait_vm::value::Value as PyValue;
use krait_vm::vm::Vm;

use crate::ir::descr::{ArrayDescr, DescrId, FieldDescr, SizeDescr};
use crate::ir::resume::{rebuild, Materializer, TypedWord};
use crate::ir::{SnapshotId, Trace, Type};

/// Collects the one frame of a snapshot (recorded traces have no virtuals:
/// they allocate nothing for the optimiser to remove).
#[derive(Default)]
struct FrameCollector {
    frame: Option<(u32, Vec<TypedWord>)>,
}

impl Materializer for FrameCollector {
    fn allocate(&mut self, _descr: DescrId, _size: &SizeDescr) -> u64 {
        unreachable!("recorded traces allocate nothing, so they have no virtual objects")
    }
    fn set_field(&mut self, _object: u64, _field: DescrId, _descr: &FieldDescr, _value: u64) {
        unreachable!("recorded traces have no virtual objects")
    }
    fn allocate_array(&mut self, _descr: DescrId, _array: &ArrayDescr, _length: usize) -> u64 {
        unreachable!("recorded traces have no virtual arrays")
    }
    fn set_item(&mut self, _object: u64, _descr: &ArrayDescr, _index: usize, _value: u64) {
        unreachable!("recorded traces have no virtual arrays")
    }
    fn make_frame(&mut self, _code: u32, pc: u32, slots: &[TypedWord]) {
        assert!(self.frame.is_none(), "recorded traces inline no calls, so a snapshot has one frame");
        self.frame = Some((pc, slots.to_vec()));
    }
}

/// Write the top frame back from the snapshot of the guard that failed,
/// given the words the compiled code wrote; returns how many iterations the
/// loop completed (the snapshot's first slot, see `record::Recorded`).
pub fn write_back(vm: &mut Vm, trace: &Trace, snapshot: SnapshotId, words: &[u64]) -> u64 {
    let mut collector = FrameCollector::default();
    rebuild(trace, snapshot, words, &mut collector);
    let (pc, all_slots) = collector.frame.expect("a snapshot has a frame");
    let (iterations, slots) = all_slots.split_first().expect("a snapshot starts with the iteration counter");
    let (frame, values) = jit_hooks::top_frame_mut(vm);
    let base = frame.base;
    for (i, slot) in slots.iter().enumerate() {
        values[base + i] = match slot.ty {
            Type::Int => PyValue::from_bits(slot.bits | 1),
            Type::Ref => PyValue::from_bits(slot.bits),
            Type::Float | Type::Void => PyValue::NULL,
        };
    }
    frame.sp = base + slots.len();
    frame.ip = pc as usize;
    for (i, slot) in slots.iter().enumerate() {
        if slot.ty == Type::Float {
            let boxed = vm.new_float(f64::from_bits(slot.bits));
            jit_hooks::top_frame_mut(vm).1[base + i] = boxed;
        }
    }
    iterations.bits
}
