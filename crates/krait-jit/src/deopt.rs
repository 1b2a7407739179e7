//! Deoptimisation: writing the interpreter frames back when a guard fails.
//!
//! A recorded loop's guards each carry a snapshot (see [`crate::record`]):
//! the loop's frame, then the frame of each call inlined at that point, each
//! with its locals and operand stack and an instruction index. The
//! innermost frame resumes *at* its instruction, which the interpreter runs
//! again generically; every other frame is in a call (its index is the
//! `CALL`'s, its operand stack still holds the call's operands), and
//! resumes after it when the frame above returns. [`write_back`] rebuilds
//! them with [`crate::ir::resume::rebuild`]: the loop's frame is the top
//! frame of the thread, written over; the frames of inlined calls are
//! pushed above it, as the interpreter's generic call pushes them (at the
//! caller's stack top, not overlapping its arguments). Each slot is boxed by
//! its trace type: an `int` is a doubled small int (boxing is setting the
//! tag bit), a `float` becomes an immediate float or a `PyFloat`, a `ref` is
//! already a value word.
//!
//! ## The collector
//!
//! Boxing a float may allocate, and so collect. Every frame is therefore
//! written first with its `int` and `ref` slots (which allocates nothing),
//! the float slots left NULL, and `sp` set, so that when the floats are
//! boxed one by one every object the frames refer to is already in them,
//! where the collector finds it (locals precisely, operand stacks
//! conservatively).

use krait_bytecode::Opcode as Bc;
use krait_vm::jit_hooks;
use krait_vm::value::Value as PyValue;
use krait_vm::vm::Vm;

use crate::ir::descr::{ArrayDescr, DescrId, FieldDescr, SizeDescr};
use crate::ir::resume::{rebuild, Materializer, TypedWord};
use crate::ir::{SnapshotId, Trace, Type};

/// Collects the frames of a snapshot (recorded traces have no virtuals:
/// they allocate nothing for the optimiser to remove).
#[derive(Default)]
struct FrameCollector {
    /// Code id, instruction index and slots of each frame, outermost first.
    frames: Vec<(u32, u32, Vec<TypedWord>)>,
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
    fn make_frame(&mut self, code: u32, pc: u32, slots: &[TypedWord]) {
        self.frames.push((code, pc, slots.to_vec()));
    }
}

/// Write the frames back from the snapshot of the guard that failed, given
/// the words the compiled code wrote; returns how many iterations the loop
/// completed (the first slot of the loop's frame, see `record::Recorded`).
pub fn write_back(vm: &mut Vm, trace: &Trace, snapshot: SnapshotId, words: &[u64]) -> u64 {
    let mut collector = FrameCollector::default();
    rebuild(trace, snapshot, words, &mut collector);
    let frames = collector.frames;
    let (iterations, _) = frames[0].2.split_first().expect("a snapshot starts with the iteration counter");
    let iterations = iterations.bits;
    let innermost = frames.len() - 1;
    let mut floats = Vec::new();
    for (depth, (code, pc, slots)) in frames.iter().enumerate() {
        if depth > 0 {
            let func = PyValue::from_bits(trace.resume.code_word(*code));
            // The driver entered with room for the frames (`has_room_for_frames`).
            jit_hooks::push_inlined_frame(vm, func).expect("room for an inlined call's frame");
        }
        let slots = if depth == 0 { &slots[1..] } else { &slots[..] };
        let (frame, values) = jit_hooks::top_frame_mut(vm);
        let base = frame.base;
        for (i, slot) in slots.iter().enumerate() {
            values[base + i] = match slot.ty {
                Type::Int => PyValue::from_bits(slot.bits | 1),
                Type::Ref => PyValue::from_bits(slot.bits),
                Type::Float => {
                    floats.push((base + i, slot.bits));
                    PyValue::NULL
                }
                Type::Void => PyValue::NULL,
            };
        }
        frame.sp = base + slots.len();
        let pc = *pc as usize;
        if depth == innermost {
            frame.ip = pc;
        } else {
            // In the call at `pc`: the callee's return continues after it.
            frame.lasti = pc;
            frame.ip = pc + 1 + Bc::CALL.cache_units();
        }
    }
    for (at, bits) in floats {
        let boxed = vm.new_float(f64::from_bits(bits));
        jit_hooks::frames_mut(vm).1[at] = boxed;
    }
    iterations
}
