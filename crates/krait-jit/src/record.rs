//! The recorder: one iteration of a hot loop of the interpreter, as a trace.
//!
//! ## How it records
//!
//! By **concrete mini-interpretation on copies**: when a loop header gets hot
//! the recorder copies the live frame's locals and operand stack and runs
//! one iteration of the loop itself, starting at the header, over the
//! quickened instructions. For each instruction it both appends the trace ops
//! that do what the interpreter would do, and computes the concrete result
//! (from the copies) so that it follows the branch the interpreter would
//! take. It never writes the real frame or the heap, so an abort costs
//! nothing but the time spent: the interpreter simply continues. The one
//! object it reads is a `range` iterator on the operand stack, whose state it
//! reads without advancing it. The price of this design is that every
//! supported instruction is implemented twice (the IR ops and the concrete
//! step); that is why the set is small and limited to pure arithmetic, where
//! the concrete step is one Rust expression, and why everything that is not
//! plain arithmetic is a call to a VM helper ([`range_next`]).
//!
//! ## Values in the trace
//!
//! Each local and stack slot is tracked with a [`Kind`]:
//!
//! - `Int`: a small int, held in the trace **doubled** (`i << 1`, the small
//!   int's `Value` word without its tag bit). Doubling makes overflow checks
//!   exact for free: `int_add_ovf` of two doubled ints overflows exactly when
//!   the sum does not fit a 63-bit small int, and `(a << 1) * b` likewise.
//!   Boxing is `| 1`, unboxing `& !1`: no allocation either way.
//! - `Float`: a raw `f64` (boxed again on exit, as an immediate float or a
//!   `PyFloat`).
//! - `Ref`: any other value, as its `Value` word (NULL included), only passed
//!   around.
//!
//! The kinds at the header are read from the live frame; the compiled loop
//! takes its inputs unboxed with those kinds (the driver checks them before
//! entering), and the loop closes only if every slot has the same kind at the
//! backward jump, so nothing is boxed inside the loop.
//!
//! ## Guards and resume data
//!
//! Every guard protects one instruction: its snapshot is the frame as it was
//! *before* that instruction (code 0, the instruction's index, the locals
//! then the operand stack), so a failing guard resumes the interpreter at the
//! instruction, which runs again generically (an int that overflowed then
//! takes the big-int path, a comparison that went the other way jumps).
//!
//! ## What is supported
//!
//! `NOP`, `RESUME`, `LOAD_FAST`, `STORE_FAST`, `LOAD_CONST` (small ints and
//! floats unboxed, other constants as object constants), `POP_TOP` of a
//! number, `UNARY_NEGATIVE` of a number, `BINARY_OP_INT` (`+ - * // %`),
//! `BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_FLOAT` and `BINARY_OP_FLOAT`
//! (`+ - * /`), `COMPARE_OP_INT` and `COMPARE_OP_FLOAT` fused with the
//! `POP_JUMP_IF_*` that follows, `POP_JUMP_IF_{FALSE,TRUE}` on numbers and
//! bools, `JUMP_FORWARD`, `FOR_ITER_RANGE`, `FOR_ITER_LIST`/`_TUPLE` and
//! `BINARY_SUBSCR_LIST_INT`/`_TUPLE_INT` (helper calls; an item that is a
//! small int or an exact float is unboxed under a guard on its kind, any
//! other item stays a `ref`, kept alive by its container, which the frame
//! keeps alive and nothing in a trace can change), and the jump back to the header
//! that closes the loop (`JUMP_BACKWARD`, or a conditional jump taken
//! backwards: the compiler ends a `while` loop with its test and a backward
//! `POP_JUMP_IF_TRUE`). Anything else aborts with a reason, as does an iteration
//! that leaves the loop, reaches another loop's backward jump, or grows past
//! [`MAX_INSTRUCTIONS`].

use std::sync::Arc;

use krait_bytecode::{BinaryOp, ComparisonOp, Opcode as Bc};
use krait_vm::interp::specialize::{compare, small_int_op};
use krait_vm::object::Gc;
use krait_vm::types::float::{self, PyFloat};
use krait_vm::types::function::PyCode;
use krait_vm::types::iterator::{IterState, PyIterator};
use krait_vm::types::list::PyList;
use krait_vm::types::tuple::PyTuple;
use krait_vm::value::Value as PyValue;
use krait_vm::vm::Vm;

use crate::ir::descr::EffectClass;
use crate::ir::resume::{FrameSnapshot, Slot, Snapshot};
use crate::ir::{Const, DescrId, DescrTable, Opcode, Trace, Type, Value};

/// Instructions one recorded iteration may run.
pub const MAX_INSTRUCTIONS: usize = 1000;

/// How a slot's value is held in the trace (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A small int, doubled, as an `int`.
    Int,
    /// A float, as a `float`.
    Float,
    /// Any other value word, as a `ref`.
    Ref,
}

impl Kind {
    /// The trace type of the kind.
    pub fn ty(self) -> Type {
        match self {
            Kind::Int => Type::Int,
            Kind::Float => Type::Float,
            Kind::Ref => Type::Ref,
        }
    }

    /// The kind of a live value.
    pub fn of(vm: &Vm, v: PyValue) -> Kind {
        if v.is_small_int() {
            Kind::Int
        } else if float::exact_f64(vm, v).is_some() {
            Kind::Float
        } else {
            Kind::Ref
        }
    }
}

/// The trace word of a live value of kind `kind`: the doubled int, the
/// float's bits, or the value word.
pub fn unbox(vm: &Vm, kind: Kind, v: PyValue) -> Option<u64> {
    match kind {
        Kind::Int => v.is_small_int().then(|| v.to_bits() & !1),
        Kind::Float => float::exact_f64(vm, v).map(f64::to_bits),
        Kind::Ref => Some(v.to_bits()),
    }
}

/// A concrete value, as the recorder computes it.
#[derive(Clone, Copy, Debug)]
enum Concrete {
    /// A small int (not doubled).
    Int(i64),
    Float(f64),
    Ref(PyValue),
}

/// A tracked slot: its trace value and its concrete value.
#[derive(Clone, Copy, Debug)]
struct Tracked {
    value: Value,
    concrete: Concrete,
}

impl Tracked {
    fn kind(&self) -> Kind {
        match self.concrete {
            Concrete::Int(_) => Kind::Int,
            Concrete::Float(_) => Kind::Float,
            Concrete::Ref(_) => Kind::Ref,
        }
    }
}

/// The descriptors the recorder's traces use.
pub struct VmDescrs {
    /// The table (shared by every trace).
    pub table: Arc<DescrTable>,
    /// `range_next(iterator) -> small int word or 0`.
    pub range_next: DescrId,
    /// `list_next(iterator) -> item word or 0`.
    pub list_next: DescrId,
    /// `tuple_next(iterator) -> item word or 0`.
    pub tuple_next: DescrId,
    /// `list_item(list, doubled index) -> item word or 0`.
    pub list_item: DescrId,
    /// `tuple_item(tuple, doubled index) -> item word or 0`.
    pub tuple_item: DescrId,
    /// `class_word(value) -> class word or 0` (pure).
    pub class_word: DescrId,
    /// `kind_code(value, float class word) -> 0 ref, 1 small int, 2 exact float` (pure).
    pub kind_code: DescrId,
    /// `float_value(exact float) -> float` (pure).
    pub float_value: DescrId,
    /// `untag_int(small int) -> doubled int` (pure).
    pub untag_int: DescrId,
}

impl VmDescrs {
    /// The descriptors of the VM's helpers.
    pub fn new() -> VmDescrs {
        let mut table = DescrTable::new();
        let range_next =
            table.call("range_next", range_next as *const () as usize, &[Type::Ref], Type::Int, EffectClass::CanRaise);
        let list_next =
            table.call("list_next", list_next as *const () as usize, &[Type::Ref], Type::Ref, EffectClass::CanRaise);
        let tuple_next =
            table.call("tuple_next", tuple_next as *const () as usize, &[Type::Ref], Type::Ref, EffectClass::CanRaise);
        let list_item = table.call(
            "list_item",
            list_item as *const () as usize,
            &[Type::Ref, Type::Int],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let tuple_item = table.call(
            "tuple_item",
            tuple_item as *const () as usize,
            &[Type::Ref, Type::Int],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let class_word =
            table.call("class_word", class_word as *const () as usize, &[Type::Ref], Type::Ref, EffectClass::Pure);
        let kind_code = table.call(
            "kind_code",
            kind_code as *const () as usize,
            &[Type::Ref, Type::Ref],
            Type::Int,
            EffectClass::Pure,
        );
        let float_value =
            table.call("float_value", float_value as *const () as usize, &[Type::Ref], Type::Float, EffectClass::Pure);
        let untag_int =
            table.call("untag_int", untag_int as *const () as usize, &[Type::Ref], Type::Int, EffectClass::Pure);
        VmDescrs {
            untag_int,
            table: Arc::new(table),
            range_next,
            list_next,
            tuple_next,
            list_item,
            tuple_item,
            class_word,
            kind_code,
            float_value,
        }
    }
}

impl Default for VmDescrs {
    fn default() -> VmDescrs {
        VmDescrs::new()
    }
}

/// `FOR_ITER_RANGE` for compiled code: advance a `range` iterator and return
/// the small int word of its next value, or 0, without changing it, when it
/// is not a range iterator, is exhausted, or its value is not a small int
/// (the interpreter then runs the instruction generically). Mirrors
/// `specialize::range_next`. Like every call that is not pure, it gets the
/// `JitContext` first; it never raises, so it does not use it.
pub extern "C" fn range_next(_ctx: *mut crate::backend::JitContext, iterator: u64) -> u64 {
    let Some(it) = PyValue::from_bits(iterator).downcast::<PyIterator>() else { return 0 };
    let mut state = it.state.borrow_mut();
    let IterState::Range { next, step, remaining } = &mut *state else { return 0 };
    if *remaining == 0 {
        return 0;
    }
    let Some(word) = PyValue::small_int(*next) else { return 0 };
    *remaining -= 1;
    if *remaining > 0 {
        *next += *step;
    }
    word.to_bits()
}

/// `FOR_ITER_LIST`/`FOR_ITER_TUPLE` for compiled code: advance a list (or
/// tuple) iterator and return its next item's word, or 0, without changing
/// the iterator, when it is not such an iterator or is exhausted (the
/// interpreter then runs the instruction generically, which also marks the
/// iterator exhausted: until then it keeps its sequence alive, and with it
/// every item the trace read from it). Mirrors `specialize::sequence_next`.
pub extern "C" fn list_next(_ctx: *mut crate::backend::JitContext, iterator: u64) -> u64 {
    sequence_next(iterator, true)
}

/// See [`list_next`].
pub extern "C" fn tuple_next(_ctx: *mut crate::backend::JitContext, iterator: u64) -> u64 {
    sequence_next(iterator, false)
}

fn sequence_next(iterator: u64, list: bool) -> u64 {
    let Some(it) = PyValue::from_bits(iterator).downcast::<PyIterator>() else { return 0 };
    let mut state = it.state.borrow_mut();
    let item = match &mut *state {
        IterState::List { list: l, index } if list => l.get(*index).map(|v| (v, index)),
        IterState::Tuple { tuple, index } if !list => (*index < tuple.len()).then(|| (tuple.get(*index), index)),
        _ => None,
    };
    match item {
        Some((v, index)) => {
            *index += 1;
            v.to_bits()
        }
        None => 0,
    }
}

/// The next item of a list or tuple iterator, without advancing it: `None`
/// if it is not one, `Some(None)` if it is exhausted.
fn peek_sequence(v: PyValue, list: bool) -> Option<Option<PyValue>> {
    let it = v.downcast::<PyIterator>()?;
    let state = it.state.borrow();
    match &*state {
        IterState::List { list: l, index } if list => Some(l.get(*index)),
        IterState::Tuple { tuple, index } if !list => Some((*index < tuple.len()).then(|| tuple.get(*index))),
        _ => None,
    }
}

/// `list[i]` for a small int index (negative counts from the end), or None.
fn list_get(list: PyValue, i: i64) -> Option<PyValue> {
    let list = list.downcast::<PyList>()?;
    let items = list.items.borrow();
    let index = if i < 0 { i + items.len() as i64 } else { i };
    usize::try_from(index).ok().and_then(|i| items.get(i).copied())
}

/// `tuple[i]` for a small int index (negative counts from the end), or None.
fn tuple_get(tuple: PyValue, i: i64) -> Option<PyValue> {
    let tuple = tuple.downcast::<PyTuple>()?;
    let items = tuple.as_slice();
    let index = if i < 0 { i + items.len() as i64 } else { i };
    usize::try_from(index).ok().and_then(|i| items.get(i).copied())
}

/// `BINARY_SUBSCR_LIST_INT` for compiled code, after a guard that `list` is
/// an exact list: the item's word, or 0 when the index is out of range (the
/// interpreter then raises). `index` is doubled.
pub extern "C" fn list_item(_ctx: *mut crate::backend::JitContext, list: u64, index: u64) -> u64 {
    list_get(PyValue::from_bits(list), (index as i64) >> 1).map_or(0, PyValue::to_bits)
}

/// `BINARY_SUBSCR_TUPLE_INT` for compiled code: see [`list_item`].
pub extern "C" fn tuple_item(_ctx: *mut crate::backend::JitContext, tuple: u64, index: u64) -> u64 {
    tuple_get(PyValue::from_bits(tuple), (index as i64) >> 1).map_or(0, PyValue::to_bits)
}

/// The word of a value's class, or 0 for a value that is not an object.
pub extern "C" fn class_word(value: u64) -> u64 {
    PyValue::from_bits(value).header().map_or(0, |h| h.class().to_bits())
}

/// The [`Kind`] of a value, as a code: 1 for a small int, 2 for an exact
/// float (`float_class` is the word of the `float` type), 0 otherwise.
pub extern "C" fn kind_code(value: u64, float_class: u64) -> u64 {
    let v = PyValue::from_bits(value);
    if v.is_small_int() {
        1
    } else if v.is_immediate_float() || v.header().is_some_and(|h| h.class().to_bits() == float_class) {
        2
    } else {
        0
    }
}

/// A small int's word as the trace holds it, doubled (after a `kind_code`
/// guard).
pub extern "C" fn untag_int(value: u64) -> u64 {
    value & !1
}

/// The value of an exact float (after a `kind_code` guard).
pub extern "C" fn float_value(value: u64) -> f64 {
    let v = PyValue::from_bits(value);
    v.as_immediate_float().or_else(|| v.downcast::<PyFloat>().map(|f| f.value)).unwrap_or(0.0)
}

/// The next value of a range iterator, without advancing it.
fn peek_range(v: PyValue) -> Option<Option<i64>> {
    let it = v.downcast::<PyIterator>()?;
    let state = it.state.borrow();
    match &*state {
        IterState::Range { next, remaining, .. } => Some((*remaining > 0).then_some(*next)),
        _ => None,
    }
}

/// A recorded loop.
///
/// Its first input and label value is an **iteration counter** (0 on
/// entry, plus one at each `jump`), and every snapshot's first slot is the
/// counter, followed by the frame's locals and operand stack: so the driver
/// learns at each guard failure how many iterations the machine code ran,
/// and stops entering loops that leave too soon to pay for entering.
pub struct Recorded {
    /// The trace: inputs, `label`, one iteration, `jump`.
    pub trace: Trace,
    /// The kinds of the inputs after the counter: the frame's locals, then
    /// its operand stack.
    pub kinds: Vec<Kind>,
    /// How many of them are locals.
    pub nlocals: usize,
}

/// Why recording stopped without a loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abort(pub String);

type Step<T> = Result<T, Abort>;

fn abort<T>(reason: impl Into<String>) -> Step<T> {
    Err(Abort(reason.into()))
}

struct Recorder<'a> {
    vm: &'a Vm,
    code: Gc<PyCode>,
    header: usize,
    trace: Trace,
    descrs: &'a VmDescrs,
    locals: Vec<Tracked>,
    stack: Vec<Tracked>,
    /// The iteration counter (see [`Recorded`]).
    iterations: Value,
}

/// Record one iteration of the loop at `header` of the top frame of the
/// thread (saved, with `ip == header`).
pub fn record(vm: &Vm, descrs: &VmDescrs, code: Gc<PyCode>, header: usize) -> Result<Recorded, Abort> {
    let (frame, values) = krait_vm::jit_hooks::top_frame(vm);
    let locals: Vec<PyValue> = values[frame.base..frame.stack_base].to_vec();
    let stack: Vec<PyValue> = values[frame.stack_base..frame.sp].to_vec();
    let mut trace = Trace::new(descrs.table.clone());
    let kinds: Vec<Kind> = locals.iter().chain(&stack).map(|&v| Kind::of(vm, v)).collect();
    // The iteration counter, then the frame's slots.
    let types: Vec<Type> = std::iter::once(Type::Int).chain(kinds.iter().map(|k| k.ty())).collect();
    for &ty in &types {
        trace.add_input(ty);
    }
    let label = trace.push_label(&types);
    let (iterations, label) = (label[0], &label[1..]);
    let track = |(&v, &value): (&PyValue, &Value)| Tracked {
        value,
        concrete: match Kind::of(vm, v) {
            Kind::Int => Concrete::Int(v.small_int_unchecked()),
            Kind::Float => Concrete::Float(float::exact_f64(vm, v).expect("a float")),
            Kind::Ref => Concrete::Ref(v),
        },
    };
    let nlocals = locals.len();
    let mut recorder = Recorder {
        vm,
        code,
        header,
        descrs,
        locals: locals.iter().zip(&label[..nlocals]).map(track).collect(),
        stack: stack.iter().zip(&label[nlocals..]).map(track).collect(),
        iterations,
        trace,
    };
    recorder.run()?;
    Ok(Recorded { trace: recorder.trace, kinds, nlocals })
}

impl Recorder<'_> {
    /// The instruction at `at` (an index the caller checked is in range).
    fn unit(&self, at: usize) -> Step<(Bc, u32)> {
        let unit = self.code.instructions[at].get();
        match Bc::from_u8(unit as u8) {
            Some(op) => Ok((op, unit >> 8)),
            None => abort(format!("no instruction at {at}")),
        }
    }

    /// The snapshot of the frame before the instruction at `at`.
    fn snapshot(&mut self, at: usize) -> crate::ir::resume::SnapshotId {
        let slots = std::iter::once(self.iterations)
            .chain(self.locals.iter().chain(&self.stack).map(|t| t.value))
            .map(Slot::Value)
            .collect();
        let frame = self.trace.resume.frame(FrameSnapshot { code: 0, pc: at as u32, slots, parent: None });
        self.trace.resume.snapshot(Snapshot { frame, virtuals: Vec::new() })
    }

    fn guard(&mut self, opcode: Opcode, args: &[Value], at: usize) {
        let snapshot = self.snapshot(at);
        self.trace.push_guard(opcode, args, snapshot);
    }

    fn op(&mut self, opcode: Opcode, args: &[Value]) -> Value {
        self.trace.push(opcode, args, None).expect("an op with a result")
    }

    fn pop(&mut self) -> Step<Tracked> {
        match self.stack.pop() {
            Some(t) => Ok(t),
            None => abort("operand stack underflow"),
        }
    }

    fn peek(&self, n: usize) -> Step<Tracked> {
        match self.stack.len().checked_sub(n) {
            Some(i) => Ok(self.stack[i]),
            None => abort("operand stack underflow"),
        }
    }

    /// A number operand as a float (`float_operand`'s conversion of ints).
    fn as_float(&mut self, t: Tracked) -> Option<(Value, f64)> {
        match t.concrete {
            Concrete::Float(f) => Some((t.value, f)),
            Concrete::Int(i) => {
                let one = self.trace.const_int(1);
                let raw = self.op(Opcode::int_rshift, &[t.value, one]);
                Some((self.op(Opcode::cast_int_to_float, &[raw]), i as f64))
            }
            Concrete::Ref(_) => None,
        }
    }

    /// An item read from a container (`word`, a `ref`), whose value was
    /// `item` when recording: a small int or an exact float is unboxed
    /// under a guard on its kind (failing at `at`), anything else stays a
    /// `ref` (kept alive by its container, which the frame keeps alive and
    /// the trace does not change).
    fn item(&mut self, word: Value, item: PyValue, at: usize) -> Tracked {
        let kind = Kind::of(self.vm, item);
        if kind == Kind::Ref {
            return Tracked { value: word, concrete: Concrete::Ref(item) };
        }
        let float_class = self.trace.constant(Const::Ptr(self.vm.types.float.value().to_bits()));
        let code = self.trace.push(Opcode::call_pure_i, &[word, float_class], Some(self.descrs.kind_code));
        let code = code.expect("call_pure_i has a result");
        let expected = self.trace.const_int(if kind == Kind::Int { 1 } else { 2 });
        self.guard(Opcode::guard_value, &[code, expected], at);
        if kind == Kind::Int {
            let doubled = self.trace.push(Opcode::call_pure_i, &[word], Some(self.descrs.untag_int));
            let doubled = doubled.expect("call_pure_i has a result");
            Tracked { value: doubled, concrete: Concrete::Int(item.small_int_unchecked()) }
        } else {
            let value = self.trace.push(Opcode::call_pure_f, &[word], Some(self.descrs.float_value));
            let f = float::exact_f64(self.vm, item).expect("a float");
            Tracked { value: value.expect("call_pure_f has a result"), concrete: Concrete::Float(f) }
        }
    }

    /// Take a conditional branch observed to go `taken` (true: to `target`),
    /// guarding the condition `cond` (an int, non-zero when true) with resume
    /// data at `at`.
    fn branch(&mut self, cond: Value, truth: bool, at: usize) {
        self.guard(if truth { Opcode::guard_true } else { Opcode::guard_false }, &[cond], at);
    }

    fn run(&mut self) -> Step<()> {
        let mut ip = self.header;
        for _ in 0..MAX_INSTRUCTIONS {
            if ip >= self.code.instructions.len() {
                return abort("ran off the end of the code");
            }
            let at = ip;
            let (op, arg) = self.unit(at)?;
            ip += 1;
            match op {
                Bc::NOP | Bc::RESUME => {}
                Bc::LOAD_FAST => {
                    let t = self.locals[arg as usize];
                    if matches!(t.concrete, Concrete::Ref(v) if v.is_null()) {
                        return abort("LOAD_FAST of an unbound local");
                    }
                    self.stack.push(t);
                }
                Bc::STORE_FAST => {
                    let t = self.pop()?;
                    self.locals[arg as usize] = t;
                }
                Bc::LOAD_CONST => {
                    let c = self.code.consts[arg as usize];
                    let t = if let Some(i) = c.as_small_int() {
                        Tracked { value: self.trace.const_int(i << 1), concrete: Concrete::Int(i) }
                    } else if let Some(f) = float::exact_f64(self.vm, c) {
                        Tracked { value: self.trace.constant(Const::Float(f)), concrete: Concrete::Float(f) }
                    } else {
                        // Any other constant is an object that the code
                        // object keeps alive, and the driver keeps the code
                        // object alive as long as the compiled loop.
                        Tracked { value: self.trace.constant(Const::Ptr(c.to_bits())), concrete: Concrete::Ref(c) }
                    };
                    self.stack.push(t);
                }
                Bc::POP_TOP => {
                    if self.pop()?.kind() == Kind::Ref {
                        return abort("POP_TOP of an object");
                    }
                }
                Bc::UNARY_NEGATIVE => {
                    let t = self.peek(1)?;
                    let negated = match t.concrete {
                        Concrete::Int(i) => {
                            let Some(r) = i.checked_neg().filter(|&r| PyValue::small_int(r).is_some()) else {
                                return abort("negation leaves the small ints");
                            };
                            let zero = self.trace.const_int(0);
                            let value = self.op(Opcode::int_sub_ovf, &[zero, t.value]);
                            self.guard(Opcode::guard_no_overflow, &[], at);
                            Tracked { value, concrete: Concrete::Int(r) }
                        }
                        Concrete::Float(f) => {
                            Tracked { value: self.op(Opcode::float_neg, &[t.value]), concrete: Concrete::Float(-f) }
                        }
                        Concrete::Ref(_) => return abort("UNARY_NEGATIVE of an object"),
                    };
                    self.pop()?;
                    self.stack.push(negated);
                }
                Bc::BINARY_OP_INT => {
                    ip += Bc::BINARY_OP.cache_units();
                    self.record_int_op(at, arg)?;
                }
                Bc::BINARY_OP_ADD_FLOAT => {
                    ip += Bc::BINARY_OP.cache_units();
                    self.record_float_op(at, BinaryOp::Add)?;
                }
                Bc::BINARY_OP_SUBTRACT_FLOAT => {
                    ip += Bc::BINARY_OP.cache_units();
                    self.record_float_op(at, BinaryOp::Subtract)?;
                }
                Bc::BINARY_OP_MULTIPLY_FLOAT => {
                    ip += Bc::BINARY_OP.cache_units();
                    self.record_float_op(at, BinaryOp::Multiply)?;
                }
                Bc::BINARY_OP_FLOAT => {
                    ip += Bc::BINARY_OP.cache_units();
                    let Some((op, _)) = BinaryOp::decode(arg) else { return abort("bad BINARY_OP argument") };
                    self.record_float_op(at, op)?;
                }
                Bc::COMPARE_OP_INT | Bc::COMPARE_OP_FLOAT => {
                    ip += Bc::COMPARE_OP.cache_units();
                    ip = self.record_compare(at, op, arg, ip)?;
                }
                Bc::POP_JUMP_IF_FALSE | Bc::POP_JUMP_IF_TRUE => {
                    let t = self.peek(1)?;
                    let truth = match t.concrete {
                        Concrete::Int(i) => {
                            let c = self.op(Opcode::int_is_true, &[t.value]);
                            self.branch(c, i != 0, at);
                            i != 0
                        }
                        Concrete::Float(f) => {
                            let zero = self.trace.constant(Const::Float(0.0));
                            let c = self.op(Opcode::float_ne, &[t.value, zero]);
                            self.branch(c, f != 0.0, at);
                            f != 0.0
                        }
                        Concrete::Ref(v) if v.is(self.vm.singletons.true_) || v.is(self.vm.singletons.false_) => {
                            let expected = self.trace.constant(Const::Ptr(v.to_bits()));
                            self.guard(Opcode::guard_value, &[t.value, expected], at);
                            v.is(self.vm.singletons.true_)
                        }
                        Concrete::Ref(_) => return abort("conditional jump on an object that is not a bool"),
                    };
                    self.pop()?;
                    if truth == (op == Bc::POP_JUMP_IF_TRUE) {
                        ip = arg as usize;
                    }
                }
                Bc::JUMP_FORWARD => ip = arg as usize,
                Bc::JUMP_BACKWARD => ip = arg as usize,
                Bc::FOR_ITER_RANGE => {
                    ip += Bc::FOR_ITER_RANGE.cache_units();
                    let t = self.peek(1)?;
                    let Concrete::Ref(iterator) = t.concrete else { return abort("FOR_ITER_RANGE on a number") };
                    match peek_range(iterator) {
                        Some(Some(next)) if PyValue::small_int(next).is_some() => {
                            let word = self.trace.push(Opcode::call_i, &[t.value], Some(self.descrs.range_next));
                            let word = word.expect("call_i has a result");
                            let advanced = self.op(Opcode::int_is_true, &[word]);
                            self.guard(Opcode::guard_true, &[advanced], at);
                            let one = self.trace.const_int(1);
                            let doubled = self.op(Opcode::int_sub, &[word, one]);
                            self.stack.push(Tracked { value: doubled, concrete: Concrete::Int(next) });
                        }
                        Some(Some(_)) => return abort("range value beyond the small ints"),
                        Some(None) => return abort("the range is exhausted: the iteration leaves the loop"),
                        None => return abort("FOR_ITER_RANGE on an iterator that is not a range's"),
                    }
                }
                Bc::FOR_ITER_LIST | Bc::FOR_ITER_TUPLE => {
                    ip += Bc::FOR_ITER_LIST.cache_units();
                    let list = op == Bc::FOR_ITER_LIST;
                    let t = self.peek(1)?;
                    let Concrete::Ref(iterator) = t.concrete else { return abort("FOR_ITER_LIST on a number") };
                    match peek_sequence(iterator, list) {
                        Some(Some(item)) => {
                            let descr = if list { self.descrs.list_next } else { self.descrs.tuple_next };
                            let word = self.trace.push(Opcode::call_r, &[t.value], Some(descr));
                            let word = word.expect("call_r has a result");
                            self.guard(Opcode::guard_nonnull, &[word], at);
                            let item = self.item(word, item, at);
                            self.stack.push(item);
                        }
                        Some(None) => return abort("the sequence is exhausted: the iteration leaves the loop"),
                        None => return abort("FOR_ITER_LIST on another iterator"),
                    }
                }
                Bc::BINARY_SUBSCR_LIST_INT | Bc::BINARY_SUBSCR_TUPLE_INT => {
                    ip += Bc::BINARY_SUBSCR.cache_units();
                    let list = op == Bc::BINARY_SUBSCR_LIST_INT;
                    let (container, key) = (self.peek(2)?, self.peek(1)?);
                    let (Concrete::Ref(c), Concrete::Int(i)) = (container.concrete, key.concrete) else {
                        return abort("BINARY_SUBSCR_LIST_INT on other operands");
                    };
                    let class = if list { self.vm.types.list } else { self.vm.types.tuple };
                    if !self.vm.is_exact(c, class) {
                        return abort("BINARY_SUBSCR_LIST_INT on another container");
                    }
                    let Some(item) = (if list { list_get(c, i) } else { tuple_get(c, i) }) else {
                        return abort("index out of range");
                    };
                    let actual = self.trace.push(Opcode::call_pure_r, &[container.value], Some(self.descrs.class_word));
                    let actual = actual.expect("call_pure_r has a result");
                    let expected = self.trace.constant(Const::Ptr(class.value().to_bits()));
                    self.guard(Opcode::guard_value, &[actual, expected], at);
                    let descr = if list { self.descrs.list_item } else { self.descrs.tuple_item };
                    let word = self.trace.push(Opcode::call_r, &[container.value, key.value], Some(descr));
                    let word = word.expect("call_r has a result");
                    self.guard(Opcode::guard_nonnull, &[word], at);
                    let item = self.item(word, item, at);
                    self.stack.truncate(self.stack.len() - 2);
                    self.stack.push(item);
                }
                other => return abort(format!("unsupported instruction {other:?}")),
            }
            // A jump back (`JUMP_BACKWARD`, or a conditional jump taken
            // backwards, as the compiler ends `while` loops) closes the loop
            // if it goes to the header.
            if ip <= at {
                if ip != self.header {
                    return abort(format!("backward jump to {ip}, not to the loop header"));
                }
                return self.close_loop();
            }
        }
        abort(format!("iteration longer than {MAX_INSTRUCTIONS} instructions"))
    }

    fn close_loop(&mut self) -> Step<()> {
        let label = self.trace.loop_label().expect("the trace has a label");
        let label_values = self.trace.ops[label].args[1..].to_vec();
        let slots: Vec<Tracked> = self.locals.iter().chain(&self.stack).copied().collect();
        if slots.len() != label_values.len() {
            return abort("the operand stack depth differs at the end of the iteration");
        }
        for (i, (t, &l)) in slots.iter().zip(&label_values).enumerate() {
            if t.kind().ty() != self.trace.ty(l) {
                return abort(format!("slot {i} changes kind in the loop (type-unstable loop)"));
            }
        }
        let one = self.trace.const_int(1);
        let next = self.op(Opcode::int_add, &[self.iterations, one]);
        let args: Vec<Value> = std::iter::once(next).chain(slots.iter().map(|t| t.value)).collect();
        self.trace.push(Opcode::jump, &args, None);
        Ok(())
    }

    /// `BINARY_OP_INT`: `+ - * // %` of two small ints, on doubled values.
    fn record_int_op(&mut self, at: usize, arg: u32) -> Step<()> {
        let (lhs, rhs) = (self.peek(2)?, self.peek(1)?);
        let (Concrete::Int(a), Concrete::Int(b)) = (lhs.concrete, rhs.concrete) else {
            return abort("BINARY_OP_INT on operands that are not small ints");
        };
        let Some((op, _)) = BinaryOp::decode(arg) else { return abort("bad BINARY_OP argument") };
        if !matches!(
            op,
            BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply | BinaryOp::FloorDivide | BinaryOp::Remainder
        ) {
            return abort(format!("BINARY_OP_INT {op:?} is not supported"));
        }
        if b == 0 && matches!(op, BinaryOp::FloorDivide | BinaryOp::Remainder) {
            return abort("division by zero");
        }
        // The interpreter's own definition of the result.
        let Some(result) = small_int_op(op, a, b).map(PyValue::small_int_unchecked) else {
            return abort("int arithmetic leaves the small ints");
        };
        let one = self.trace.const_int(1);
        let value = match op {
            BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply => {
                let (opcode, rhs_value) = match op {
                    BinaryOp::Add => (Opcode::int_add_ovf, rhs.value),
                    BinaryOp::Subtract => (Opcode::int_sub_ovf, rhs.value),
                    _ => (Opcode::int_mul_ovf, self.op(Opcode::int_rshift, &[rhs.value, one])),
                };
                let value = self.op(opcode, &[lhs.value, rhs_value]);
                self.guard(Opcode::guard_no_overflow, &[], at);
                value
            }
            _ => {
                let nonzero = self.op(Opcode::int_is_true, &[rhs.value]);
                self.guard(Opcode::guard_true, &[nonzero], at);
                if op == BinaryOp::FloorDivide {
                    let quotient = self.op(Opcode::int_floordiv, &[lhs.value, rhs.value]);
                    let value = self.op(Opcode::int_add_ovf, &[quotient, quotient]);
                    self.guard(Opcode::guard_no_overflow, &[], at);
                    value
                } else {
                    self.op(Opcode::int_mod, &[lhs.value, rhs.value])
                }
            }
        };
        self.stack.truncate(self.stack.len() - 2);
        self.stack.push(Tracked { value, concrete: Concrete::Int(result) });
        Ok(())
    }

    /// `+ - * /` of two numbers, at least one a float.
    fn record_float_op(&mut self, at: usize, op: BinaryOp) -> Step<()> {
        let (lhs, rhs) = (self.peek(2)?, self.peek(1)?);
        if lhs.kind() == Kind::Int && rhs.kind() == Kind::Int {
            return abort("float arithmetic on two ints");
        }
        let (Some((x, a)), Some((y, b))) = (self.as_float(lhs), self.as_float(rhs)) else {
            return abort("float arithmetic on an object");
        };
        let (opcode, result) = match op {
            BinaryOp::Add => (Opcode::float_add, a + b),
            BinaryOp::Subtract => (Opcode::float_sub, a - b),
            BinaryOp::Multiply => (Opcode::float_mul, a * b),
            BinaryOp::TrueDivide => {
                if b == 0.0 {
                    return abort("float division by zero");
                }
                let zero = self.trace.constant(Const::Float(0.0));
                let nonzero = self.op(Opcode::float_ne, &[y, zero]);
                self.guard(Opcode::guard_true, &[nonzero], at);
                (Opcode::float_truediv, a / b)
            }
            other => return abort(format!("BINARY_OP_FLOAT {other:?} is not supported")),
        };
        let value = self.op(opcode, &[x, y]);
        self.stack.truncate(self.stack.len() - 2);
        self.stack.push(Tracked { value, concrete: Concrete::Float(result) });
        Ok(())
    }

    /// `COMPARE_OP_INT`/`_FLOAT` fused with the conditional jump after it
    /// (`push_bool_or_branch!`); returns the next instruction.
    fn record_compare(&mut self, at: usize, op: Bc, arg: u32, next: usize) -> Step<usize> {
        let (lhs, rhs) = (self.peek(2)?, self.peek(1)?);
        let Some(cmp) = ComparisonOp::decode(arg) else { return abort("bad COMPARE_OP argument") };
        if next >= self.code.instructions.len() {
            return abort("a comparison at the end of the code");
        }
        let (jump, target) = self.unit(next)?;
        if jump != Bc::POP_JUMP_IF_FALSE && jump != Bc::POP_JUMP_IF_TRUE {
            return abort("a comparison whose result is kept as a bool");
        }
        let (opcodes, truth) = match (op, lhs.concrete, rhs.concrete) {
            (Bc::COMPARE_OP_INT, Concrete::Int(a), Concrete::Int(b)) => (
                [Opcode::int_lt, Opcode::int_le, Opcode::int_eq, Opcode::int_ne, Opcode::int_gt, Opcode::int_ge],
                compare(cmp, a, b),
            ),
            (Bc::COMPARE_OP_FLOAT, Concrete::Float(a), Concrete::Float(b)) => (
                [
                    Opcode::float_lt,
                    Opcode::float_le,
                    Opcode::float_eq,
                    Opcode::float_ne,
                    Opcode::float_gt,
                    Opcode::float_ge,
                ],
                compare(cmp, a, b),
            ),
            _ => return abort("a specialised comparison on other operands"),
        };
        let cond = self.op(opcodes[cmp as usize], &[lhs.value, rhs.value]);
        self.branch(cond, truth, at);
        self.stack.truncate(self.stack.len() - 2);
        Ok(if truth == (jump == Bc::POP_JUMP_IF_TRUE) { target as usize } else { next + 1 })
    }
}
