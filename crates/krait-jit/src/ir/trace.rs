//! A trace: input arguments, a list of ops, a constant pool, resume data.
//!
//! Values are numbered as they are defined: the input arguments first, then
//! each op result and each `label` parameter. The numbers are not required to
//! be dense or ordered after optimisation (passes add values and forward
//! removed ones); the printer renumbers by order of definition, so the text
//! form is canonical.
//!
//! ## Control flow
//!
//! A trace is straight-line code with side exits (guards). It ends in
//! `finish` (leave with results) or `jump`. A `label` starts a loop and
//! **defines** its operands as new values, like a basic block's parameters:
//! after a label, only the label's values (and constants) may be used. A
//! `jump` immediately followed by a `label` goes to that label (the end of a
//! peeled preamble); any other `jump` goes back to the last label before it,
//! or to the start of the trace when there is none (then its operands match
//! the input arguments). The verifier checks all of this.
//!
//! A **bridge** (the trace of a guard that fails often) usually ends by
//! entering an existing loop: it has no label of its own, and its
//! [`Trace::loop_target`] gives the types of the loop label its `jump` goes
//! to. The text form writes it after the inputs: `[i0, p1] -> loop(i, p)`.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::descr::{DescrId, DescrTable};
use super::opcode::Opcode;
use super::resume::{ResumeStore, SnapshotId};
use super::value::{Const, Type, Value};

/// The operands of an op (most ops have at most three).
pub type Args = SmallVec<[Value; 3]>;

/// One operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Op {
    /// What it does.
    pub opcode: Opcode,
    /// Its operands (for a `label`: the values it defines).
    pub args: Args,
    /// The value it defines, if its result type is not void.
    pub result: Option<Value>,
    /// Its descriptor, if its opcode takes one.
    pub descr: Option<DescrId>,
    /// A guard's resume data.
    pub snapshot: Option<SnapshotId>,
}

impl Op {
    /// An op without result, descriptor or resume data.
    pub fn new(opcode: Opcode, args: &[Value]) -> Op {
        Op { opcode, args: args.iter().copied().collect(), result: None, descr: None, snapshot: None }
    }
}

/// A trace (see the module documentation).
#[derive(Clone, Debug)]
pub struct Trace {
    /// The descriptors its ops refer to.
    pub descrs: Arc<DescrTable>,
    /// The input arguments, in frame order.
    pub inputs: Vec<Value>,
    /// The ops.
    pub ops: Vec<Op>,
    /// Resume data of the guards.
    pub resume: ResumeStore,
    /// For a bridge: the label types of the loop its label-less `jump` enters.
    pub loop_target: Option<Vec<Type>>,
    types: Vec<Type>,
    consts: Vec<Const>,
    const_index: FxHashMap<Const, u32>,
}

impl Trace {
    /// An empty trace.
    pub fn new(descrs: Arc<DescrTable>) -> Trace {
        Trace {
            descrs,
            inputs: Vec::new(),
            ops: Vec::new(),
            resume: ResumeStore::default(),
            loop_target: None,
            types: Vec::new(),
            consts: Vec::new(),
            const_index: FxHashMap::default(),
        }
    }

    /// Define a new value of a type (not yet attached to an op).
    pub fn new_value(&mut self, ty: Type) -> Value {
        let v = Value::defined(self.types.len() as u32);
        self.types.push(ty);
        v
    }

    /// Add an input argument.
    pub fn add_input(&mut self, ty: Type) -> Value {
        let v = self.new_value(ty);
        self.inputs.push(v);
        v
    }

    /// The operand for a constant (interned).
    pub fn constant(&mut self, c: Const) -> Value {
        if let Some(&n) = self.const_index.get(&c) {
            return Value::constant(n);
        }
        let n = self.consts.len() as u32;
        self.consts.push(c);
        self.const_index.insert(c, n);
        Value::constant(n)
    }

    /// The operand for an integer constant.
    pub fn const_int(&mut self, i: i64) -> Value {
        self.constant(Const::Int(i))
    }

    /// The constant an operand is, if it is one.
    pub fn const_of(&self, v: Value) -> Option<Const> {
        v.is_const().then(|| self.consts[v.index()])
    }

    /// The integer constant an operand is, if it is one.
    pub fn const_int_of(&self, v: Value) -> Option<i64> {
        match self.const_of(v) {
            Some(Const::Int(i)) => Some(i),
            _ => None,
        }
    }

    /// The type of an operand.
    pub fn ty(&self, v: Value) -> Type {
        if v.is_const() {
            self.consts[v.index()].ty()
        } else {
            self.types[v.index()]
        }
    }

    /// How many values have been defined (an upper bound on value indices).
    pub fn num_values(&self) -> usize {
        self.types.len()
    }

    /// Build an op, defining its result value if it has one.
    pub fn make_op(&mut self, opcode: Opcode, args: &[Value], descr: Option<DescrId>) -> Op {
        let mut op = Op::new(opcode, args);
        op.descr = descr;
        let ty = opcode.result();
        let ty = (ty != Type::Void).then_some(ty);
        op.result = ty.map(|ty| self.new_value(ty));
        op
    }

    /// Append an op; returns its result value (if any).
    pub fn push(&mut self, opcode: Opcode, args: &[Value], descr: Option<DescrId>) -> Option<Value> {
        let op = self.make_op(opcode, args, descr);
        let result = op.result;
        self.ops.push(op);
        result
    }

    /// Append a guard with its resume data.
    pub fn push_guard(&mut self, opcode: Opcode, args: &[Value], snapshot: SnapshotId) {
        let mut op = self.make_op(opcode, args, None);
        op.snapshot = Some(snapshot);
        self.ops.push(op);
    }

    /// Append a label defining new values of the given types.
    pub fn push_label(&mut self, types: &[Type]) -> Vec<Value> {
        let values: Vec<Value> = types.iter().map(|&t| self.new_value(t)).collect();
        self.ops.push(Op::new(Opcode::label, &values));
        values
    }

    /// The index of the label a `jump` at `at` goes to (`None`: the trace start).
    pub fn jump_target(&self, at: usize) -> Option<usize> {
        if self.ops.get(at + 1).is_some_and(|op| op.opcode == Opcode::label) {
            return Some(at + 1);
        }
        self.ops[..at].iter().rposition(|op| op.opcode == Opcode::label)
    }

    /// The index of the last label (the loop header), if any.
    pub fn loop_label(&self) -> Option<usize> {
        self.ops.iter().rposition(|op| op.opcode == Opcode::label)
    }

    /// The non-null object addresses the trace's constants hold, which the
    /// compiled code embeds: the VM must keep them alive (and, since its
    /// collector does not move objects, that is all it must do).
    pub fn const_ptrs(&self) -> Vec<u64> {
        self.consts
            .iter()
            .filter_map(|c| match *c {
                Const::Ptr(p) if p != 0 => Some(p),
                _ => None,
            })
            .collect()
    }

    /// The number of ops that are guards.
    pub fn count_guards(&self) -> usize {
        self.ops.iter().filter(|op| op.opcode.is_guard()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_numbered_in_definition_order_and_constants_are_interned() {
        let mut trace = Trace::new(Arc::new(DescrTable::new()));
        let i0 = trace.add_input(Type::Int);
        let one = trace.const_int(1);
        let i1 = trace.push(Opcode::int_add, &[i0, one], None).unwrap();
        assert_eq!(i0.index(), 0);
        assert_eq!(i1.index(), 1);
        assert_eq!(trace.const_int(1), one);
        assert_ne!(trace.constant(Const::Float(1.0)), one);
        assert_eq!(trace.ty(one), Type::Int);
        assert_eq!(trace.const_int_of(one), Some(1));
        assert_eq!(trace.ty(i1), Type::Int);
        assert_eq!(trace.push(Opcode::escape, &[i1], None), None);
        trace.constant(Const::Ptr(0));
        trace.constant(Const::Ptr(0x40));
        assert_eq!(trace.const_ptrs(), vec![0x40]);
    }

    #[test]
    fn jumps_go_to_the_next_label_or_back_to_the_last() {
        let mut trace = Trace::new(Arc::new(DescrTable::new()));
        let i0 = trace.add_input(Type::Int);
        trace.push(Opcode::jump, &[i0], None);
        let l = trace.push_label(&[Type::Int]);
        trace.push(Opcode::jump, &[l[0]], None);
        assert_eq!(trace.jump_target(0), Some(1));
        assert_eq!(trace.jump_target(2), Some(1));
        assert_eq!(trace.loop_label(), Some(1));
    }
}
