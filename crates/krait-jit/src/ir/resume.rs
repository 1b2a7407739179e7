//! Resume data: how a failing guard rebuilds the interpreter's state.
//!
//! Every guard carries a [`Snapshot`]: the chain of interpreter frames that
//! were live when the recorder emitted it (innermost first through `parent`
//! links: inlined Python calls give several frames), each with its code
//! object id, the index of the instruction to resume at, and the contents of
//! each fast local and value-stack slot. A slot is a [`Slot`]: a trace value,
//! a constant, or a **virtual**: an object the optimiser removed
//! (`virtuals.rs`), described by its size descriptor and the slots of its
//! fields. Virtuals may refer to each other, cycles included; a slot names a
//! virtual by its index in the snapshot's list.
//!
//! ## Sharing
//!
//! Consecutive guards usually differ only in their innermost frame (the
//! outer frames of inlined calls do not change while the callee runs), so
//! frames are interned: [`ResumeStore::frame`] returns the existing
//! [`FrameId`] for an identical frame, and a snapshot is just the id of its
//! innermost frame plus its virtuals. An outer-frame chain is then stored once
//! for all the guards of an inlined call. A `Virtual(k)` slot means "virtual
//! `k` of the snapshot being rebuilt", so sharing a frame between snapshots
//! never mixes their virtuals.
//!
//! ## Exit protocol
//!
//! A guard's **fail arguments** are the distinct non-constant values its
//! snapshot mentions, in a fixed order: frames outermost first, slots in
//! order, then the virtuals' fields ([`ResumeStore::fail_args`]). The backend
//! writes exactly those words to the frame buffer when the guard fails.
//! [`rebuild`] reads them back and drives a [`Materializer`] (the VM's side):
//! it allocates every virtual, fills their fields (so cycles work), then makes
//! the frames, outermost first, giving each slot as a typed raw word (the VM
//! boxes ints and floats itself).

use rustc_hash::FxHashMap;

use super::descr::{ArrayDescr, DescrId, DescrTable, FieldDescr, SizeDescr};
use super::trace::Trace;
use super::value::{Type, Value};

/// A reference to an interned frame snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FrameId(pub u32);

/// A reference to a guard's snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SnapshotId(pub u32);

/// What a frame slot or a virtual's field holds at the guard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// A trace value or a constant.
    Value(Value),
    /// The snapshot's virtual object with this index.
    Virtual(u32),
}

/// One interpreter frame at a guard.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FrameSnapshot {
    /// Which code the frame runs: an index into the store's code words
    /// ([`ResumeStore::code_id`]), which mean what the recorder says (for
    /// Krait: 0 the loop's own frame, otherwise the function object of an
    /// inlined call).
    pub code: u32,
    /// The instruction to resume at.
    pub pc: u32,
    /// Fast locals then value-stack slots.
    pub slots: Vec<Slot>,
    /// The caller's frame (for inlined calls).
    pub parent: Option<FrameId>,
}

/// An object the optimiser removed, rebuilt only if the guard fails.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum VirtualObject {
    /// From `new_with_vtable` or `new`.
    Object {
        /// Its size descriptor (with the class to store).
        size: DescrId,
        /// The fields that were set, with their values.
        fields: Vec<(DescrId, Slot)>,
    },
    /// From `new_array` with a constant length.
    Array {
        /// Its array descriptor.
        descr: DescrId,
        /// Every item.
        items: Vec<Slot>,
    },
}

impl VirtualObject {
    /// The slots it holds (fields or items).
    pub fn slots(&self) -> Vec<Slot> {
        match self {
            VirtualObject::Object { fields, .. } => fields.iter().map(|&(_, s)| s).collect(),
            VirtualObject::Array { items, .. } => items.clone(),
        }
    }

    /// Replace the `k`-th slot (in the order of [`VirtualObject::slots`]).
    fn set_slot(&mut self, k: usize, slot: Slot) {
        match self {
            VirtualObject::Object { fields, .. } => fields[k].1 = slot,
            VirtualObject::Array { items, .. } => items[k] = slot,
        }
    }
}

/// A guard's resume data.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Snapshot {
    /// The innermost frame.
    pub frame: FrameId,
    /// The virtual objects its slots refer to.
    pub virtuals: Vec<VirtualObject>,
}

/// The frames and snapshots of a trace.
#[derive(Clone, Debug, Default)]
pub struct ResumeStore {
    frames: Vec<FrameSnapshot>,
    frame_index: FxHashMap<FrameSnapshot, FrameId>,
    snapshots: Vec<Snapshot>,
    codes: Vec<u64>,
}

impl ResumeStore {
    /// The id of a frame, interning it (identical frames share one id).
    pub fn frame(&mut self, frame: FrameSnapshot) -> FrameId {
        if let Some(&id) = self.frame_index.get(&frame) {
            return id;
        }
        let id = FrameId(self.frames.len() as u32);
        self.frames.push(frame.clone());
        self.frame_index.insert(frame, id);
        id
    }

    /// The id of a code word, interning it.
    pub fn code_id(&mut self, word: u64) -> u32 {
        match self.codes.iter().position(|&w| w == word) {
            Some(i) => i as u32,
            None => {
                self.codes.push(word);
                self.codes.len() as u32 - 1
            }
        }
    }

    /// The code word of an id ([`ResumeStore::code_id`]); an id no word was
    /// interned for (a parsed trace's) is its own word.
    pub fn code_word(&self, id: u32) -> u64 {
        self.codes.get(id as usize).copied().unwrap_or(u64::from(id))
    }

    /// Add a snapshot.
    pub fn snapshot(&mut self, snapshot: Snapshot) -> SnapshotId {
        let id = SnapshotId(self.snapshots.len() as u32);
        self.snapshots.push(snapshot);
        id
    }

    /// A one-frame snapshot (code 0, index 0) of some values: what the text
    /// form `[i0, p1]` means.
    pub fn simple(&mut self, values: &[Value]) -> SnapshotId {
        let frame = self.frame(FrameSnapshot {
            code: 0,
            pc: 0,
            slots: values.iter().map(|&v| Slot::Value(v)).collect(),
            parent: None,
        });
        self.snapshot(Snapshot { frame, virtuals: Vec::new() })
    }

    /// A frame.
    pub fn get_frame(&self, id: FrameId) -> &FrameSnapshot {
        &self.frames[id.0 as usize]
    }

    /// A snapshot.
    pub fn get(&self, id: SnapshotId) -> &Snapshot {
        &self.snapshots[id.0 as usize]
    }

    /// The number of distinct frames stored.
    pub fn num_frames(&self) -> usize {
        self.frames.len()
    }

    /// The frames of a snapshot, outermost first.
    pub fn frames_of(&self, id: SnapshotId) -> Vec<&FrameSnapshot> {
        let mut chain = Vec::new();
        let mut next = Some(self.get(id).frame);
        while let Some(f) = next {
            let frame = self.get_frame(f);
            chain.push(frame);
            next = frame.parent;
        }
        chain.reverse();
        chain
    }

    /// The guard's fail arguments (see the module documentation).
    pub fn fail_args(&self, id: SnapshotId) -> Vec<Value> {
        let mut out = Vec::new();
        let mut add = |slot: &Slot| {
            if let Slot::Value(v) = *slot {
                if !v.is_const() && !out.contains(&v) {
                    out.push(v);
                }
            }
        };
        for frame in self.frames_of(id) {
            frame.slots.iter().for_each(&mut add);
        }
        for virt in &self.get(id).virtuals {
            virt.slots().iter().for_each(&mut add);
        }
        out
    }

    /// A copy of a snapshot with every value slot mapped (by a pass that
    /// forwards values, or makes some of them virtual). `virtualize` may turn
    /// a value into a virtual: it receives the new snapshot's virtual list to
    /// append to. Frames are memoised so shared prefixes stay shared.
    pub fn rewrite(
        &mut self,
        id: SnapshotId,
        map: &mut dyn FnMut(Value, &mut Vec<VirtualObject>) -> Slot,
    ) -> SnapshotId {
        let old = self.get(id).clone();
        let mut virtuals = old.virtuals.clone();
        let mut memo: FxHashMap<FrameId, FrameId> = FxHashMap::default();
        let frame = self.rewrite_frame(old.frame, map, &mut virtuals, &mut memo);
        // Slots of pre-existing virtuals are mapped too (new ones arrive mapped).
        for k in 0..old.virtuals.len() {
            for (f, slot) in virtuals[k].slots().into_iter().enumerate() {
                if let Slot::Value(v) = slot {
                    let slot = map(v, &mut virtuals);
                    virtuals[k].set_slot(f, slot);
                }
            }
        }
        self.snapshot(Snapshot { frame, virtuals })
    }

    fn rewrite_frame(
        &mut self,
        id: FrameId,
        map: &mut dyn FnMut(Value, &mut Vec<VirtualObject>) -> Slot,
        virtuals: &mut Vec<VirtualObject>,
        memo: &mut FxHashMap<FrameId, FrameId>,
    ) -> FrameId {
        if let Some(&done) = memo.get(&id) {
            return done;
        }
        let frame = self.get_frame(id).clone();
        let parent = frame.parent.map(|p| self.rewrite_frame(p, map, virtuals, memo));
        let slots = frame
            .slots
            .iter()
            .map(|s| match *s {
                Slot::Value(v) => map(v, virtuals),
                virt => virt,
            })
            .collect();
        let new = self.frame(FrameSnapshot { code: frame.code, pc: frame.pc, slots, parent });
        memo.insert(id, new);
        new
    }
}

/// A raw word with its type, as given to the VM.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypedWord {
    /// How to read the word.
    pub ty: Type,
    /// The word (an i64, f64 bits, or an object pointer).
    pub bits: u64,
}

/// The VM's side of deoptimisation.
pub trait Materializer {
    /// Allocate an object of a size descriptor, class word set; returns its address.
    fn allocate(&mut self, descr: DescrId, size: &SizeDescr) -> u64;
    /// Store a field of a freshly allocated object.
    fn set_field(&mut self, object: u64, field: DescrId, descr: &FieldDescr, value: u64);
    /// Allocate an array of `length` items (zeroed, length word set).
    fn allocate_array(&mut self, descr: DescrId, array: &ArrayDescr, length: usize) -> u64;
    /// Store an item of a freshly allocated array.
    fn set_item(&mut self, object: u64, descr: &ArrayDescr, index: usize, value: u64);
    /// Make an interpreter frame (called outermost first).
    fn make_frame(&mut self, code: u32, pc: u32, slots: &[TypedWord]);
}

/// Rebuild the interpreter state of a failed guard from the words the
/// compiled code wrote (`registers`, in fail-argument order).
pub fn rebuild(trace: &Trace, snapshot: SnapshotId, registers: &[u64], m: &mut dyn Materializer) {
    let store = &trace.resume;
    let descrs: &DescrTable = &trace.descrs;
    let fail_args = store.fail_args(snapshot);
    assert!(registers.len() >= fail_args.len(), "too few registers for the guard's fail arguments");
    let snap = store.get(snapshot);
    let objects: Vec<u64> = snap
        .virtuals
        .iter()
        .map(|v| match v {
            VirtualObject::Object { size, .. } => m.allocate(*size, descrs.size_descr(*size)),
            VirtualObject::Array { descr, items } => m.allocate_array(*descr, descrs.array_descr(*descr), items.len()),
        })
        .collect();
    let read = |slot: &Slot| -> TypedWord {
        match *slot {
            Slot::Virtual(k) => TypedWord { ty: Type::Ref, bits: objects[k as usize] },
            Slot::Value(v) => match trace.const_of(v) {
                Some(c) => TypedWord { ty: c.ty(), bits: c.bits() },
                None => {
                    let at = fail_args.iter().position(|&a| a == v).expect("value is a fail argument");
                    TypedWord { ty: trace.ty(v), bits: registers[at] }
                }
            },
        }
    };
    for (virt, &object) in snap.virtuals.iter().zip(&objects) {
        match virt {
            VirtualObject::Object { fields, .. } => {
                for (field, slot) in fields {
                    m.set_field(object, *field, descrs.field_descr(*field), read(slot).bits);
                }
            }
            VirtualObject::Array { descr, items } => {
                for (index, slot) in items.iter().enumerate() {
                    m.set_item(object, descrs.array_descr(*descr), index, read(slot).bits);
                }
            }
        }
    }
    for frame in store.frames_of(snapshot) {
        let slots: Vec<TypedWord> = frame.slots.iter().map(read).collect();
        m.make_frame(frame.code, frame.pc, &slots);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::ir::value::Const;

    #[derive(Default)]
    struct Recorder {
        heap: Vec<Vec<(DescrId, u64)>>,
        frames: Vec<(u32, u32, Vec<TypedWord>)>,
    }

    impl Materializer for Recorder {
        fn allocate(&mut self, _descr: DescrId, _size: &SizeDescr) -> u64 {
            self.heap.push(Vec::new());
            0x1000 * self.heap.len() as u64
        }
        fn set_field(&mut self, object: u64, field: DescrId, _descr: &FieldDescr, value: u64) {
            self.heap[(object / 0x1000 - 1) as usize].push((field, value));
        }
        fn allocate_array(&mut self, _descr: DescrId, _array: &ArrayDescr, length: usize) -> u64 {
            self.heap.push(vec![(DescrId(u32::MAX), length as u64)]);
            0x1000 * self.heap.len() as u64
        }
        fn set_item(&mut self, object: u64, _descr: &ArrayDescr, index: usize, value: u64) {
            self.heap[(object / 0x1000 - 1) as usize].push((DescrId(index as u32), value));
        }
        fn make_frame(&mut self, code: u32, pc: u32, slots: &[TypedWord]) {
            self.frames.push((code, pc, slots.to_vec()));
        }
    }

    #[test]
    fn frames_are_shared_between_snapshots() {
        let mut store = ResumeStore::default();
        let outer = FrameSnapshot { code: 1, pc: 5, slots: vec![], parent: None };
        let a = store.frame(outer.clone());
        let b = store.frame(outer);
        assert_eq!(a, b);
        let inner1 = store.frame(FrameSnapshot { code: 2, pc: 0, slots: vec![], parent: Some(a) });
        let inner2 = store.frame(FrameSnapshot { code: 2, pc: 3, slots: vec![], parent: Some(a) });
        assert_ne!(inner1, inner2);
        assert_eq!(store.num_frames(), 3);
    }

    #[test]
    fn fail_args_are_distinct_values_outermost_first() {
        let mut trace = Trace::new(Arc::new(DescrTable::new()));
        let i0 = trace.add_input(Type::Int);
        let i1 = trace.add_input(Type::Int);
        let c = trace.const_int(7);
        let outer = trace.resume.frame(FrameSnapshot {
            code: 1,
            pc: 4,
            slots: vec![Slot::Value(i1), Slot::Value(c)],
            parent: None,
        });
        let inner = trace.resume.frame(FrameSnapshot {
            code: 2,
            pc: 9,
            slots: vec![Slot::Value(i0), Slot::Value(i1)],
            parent: Some(outer),
        });
        let snap = trace.resume.snapshot(Snapshot { frame: inner, virtuals: vec![] });
        assert_eq!(trace.resume.fail_args(snap), vec![i1, i0]);
    }

    #[test]
    fn rebuild_materialises_cyclic_virtuals_and_frames() {
        let mut descrs = DescrTable::new();
        let node = descrs.size("node", 32, 0xabc0);
        let next = descrs.field("next", 16, Type::Ref);
        let val = descrs.field("val", 24, Type::Int);
        let mut trace = Trace::new(Arc::new(descrs));
        let i0 = trace.add_input(Type::Int);
        let f1 = trace.add_input(Type::Float);
        let c = trace.constant(Const::Int(-1));
        let frame = trace.resume.frame(FrameSnapshot {
            code: 3,
            pc: 12,
            slots: vec![Slot::Virtual(0), Slot::Value(f1), Slot::Value(c)],
            parent: None,
        });
        // Two nodes pointing at each other.
        let virtuals = vec![
            VirtualObject::Object { size: node, fields: vec![(next, Slot::Virtual(1)), (val, Slot::Value(i0))] },
            VirtualObject::Object { size: node, fields: vec![(next, Slot::Virtual(0)), (val, Slot::Value(c))] },
        ];
        let snap = trace.resume.snapshot(Snapshot { frame, virtuals });
        assert_eq!(trace.resume.fail_args(snap), vec![f1, i0]);
        let mut vm = Recorder::default();
        rebuild(&trace, snap, &[2.5f64.to_bits(), 42], &mut vm);
        assert_eq!(vm.heap, vec![vec![(next, 0x2000), (val, 42)], vec![(next, 0x1000), (val, u64::MAX)]]);
        assert_eq!(
            vm.frames,
            vec![(
                3,
                12,
                vec![
                    TypedWord { ty: Type::Ref, bits: 0x1000 },
                    TypedWord { ty: Type::Float, bits: 2.5f64.to_bits() },
                    TypedWord { ty: Type::Int, bits: u64::MAX },
                ]
            )]
        );
    }

    #[test]
    fn rebuild_materialises_virtual_arrays() {
        let mut descrs = DescrTable::new();
        let items = descrs.array("items", 16, 8, Type::Int);
        let mut trace = Trace::new(Arc::new(descrs));
        let i0 = trace.add_input(Type::Int);
        let c = trace.const_int(9);
        let frame = trace.resume.frame(FrameSnapshot { code: 1, pc: 2, slots: vec![Slot::Virtual(0)], parent: None });
        let virtuals = vec![VirtualObject::Array { descr: items, items: vec![Slot::Value(c), Slot::Value(i0)] }];
        let snap = trace.resume.snapshot(Snapshot { frame, virtuals });
        assert_eq!(trace.resume.fail_args(snap), vec![i0]);
        let mut vm = Recorder::default();
        rebuild(&trace, snap, &[4], &mut vm);
        assert_eq!(vm.heap, vec![vec![(DescrId(u32::MAX), 2), (DescrId(0), 9), (DescrId(1), 4)]]);
        assert_eq!(vm.frames[0].2, vec![TypedWord { ty: Type::Ref, bits: 0x1000 }]);
    }

    #[test]
    fn rewriting_keeps_shared_frames_shared() {
        let mut trace = Trace::new(Arc::new(DescrTable::new()));
        let i0 = trace.add_input(Type::Int);
        let i1 = trace.add_input(Type::Int);
        let outer = trace.resume.frame(FrameSnapshot { code: 1, pc: 0, slots: vec![Slot::Value(i0)], parent: None });
        let inner = trace.resume.frame(FrameSnapshot {
            code: 2,
            pc: 0,
            slots: vec![Slot::Value(i0), Slot::Value(i1)],
            parent: Some(outer),
        });
        let snap = trace.resume.snapshot(Snapshot { frame: inner, virtuals: vec![] });
        let new = trace.resume.rewrite(snap, &mut |v, _| Slot::Value(if v == i0 { i1 } else { v }));
        let frames = trace.resume.frames_of(new);
        assert_eq!(frames[0].slots, vec![Slot::Value(i1)]);
        assert_eq!(frames[1].slots, vec![Slot::Value(i1), Slot::Value(i1)]);
        assert_eq!(trace.resume.fail_args(new), vec![i1]);
    }
}
