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
//! nothing but the time spent: the interpreter simply continues. It reads
//! objects (iterators without advancing them, tuples, attributes through
//! the interpreter's caches, globals) but writes none: an attribute the
//! iteration stores is remembered in an overlay that later loads of it read.
//! The price of this design is that every supported instruction is
//! implemented twice (the IR ops and the concrete step); that is why the set
//! is small, and why everything that is not plain arithmetic is a call to a
//! VM helper (`crate::helpers`), which for quickened instructions is the
//! interpreter's own fast path over the same inline cache.
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
//! *before* that instruction (the instruction's index, the locals then the
//! operand stack; below it the frames of the calls it is inlined in), so a
//! failing guard resumes the interpreter at the instruction, which runs
//! again generically (an int that overflowed then
//! takes the big-int path, a comparison that went the other way jumps).
//!
//! ## What is supported
//!
//! - Locals and the stack: `NOP`, `RESUME`, `LOAD_FAST`, `STORE_FAST`,
//!   `LOAD_CONST` (small ints and floats unboxed, other constants as object
//!   constants), `POP_TOP` (of an object under a guard on its class, which
//!   is not a generator's: the interpreter's POP_TOP closes abandoned
//!   generators), `PUSH_NULL`, `COPY`, `SWAP`, `LOAD_DEREF`/`STORE_DEREF`.
//! - Arithmetic: `UNARY_NEGATIVE` of a number, `BINARY_OP_INT`
//!   (`+ - * // % & | ^ >>`), `BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_FLOAT` and
//!   `BINARY_OP_FLOAT` (`+ - * /`).
//! - Tests, fused with the conditional jump after them or else pushed as
//!   the constant bool under a guard: `COMPARE_OP_INT`/`_FLOAT`/`_STR`
//!   and a generic `COMPARE_OP` of two exact strs (one pure call orders
//!   them) or `==`/`!=` of an exact str and a small int (a constant), `IS_OP`,
//!   `CONTAINS_OP` of an exact str or small int in an exact dict; the truth
//!   of numbers, bools, None, exact lists/tuples/strs and instances of
//!   classes with neither `__bool__` nor `__len__` for `POP_JUMP_IF_*`,
//!   `JUMP_IF_*_OR_POP` and `UNARY_NOT`; `POP_JUMP_IF_[NOT_]NONE`;
//!   `JUMP_FORWARD`.
//! - Iteration: `FOR_ITER_RANGE`, `FOR_ITER_LIST`/`_TUPLE`, a generic
//!   `FOR_ITER` of a str, dict (keys, values) or set iterator,
//!   `FOR_ITER_UNPACK` over a zip of list, tuple or range iterators or an
//!   enumerate of one, `GET_ITER` of an exact list or tuple (a new iterator,
//!   which the recorder follows by position: `Concrete::Iter`), and
//!   `range(...)` iterated at once (`Concrete::RangeIter`).
//! - Containers: `BINARY_SUBSCR_LIST_INT`/`_TUPLE_INT`,
//!   `STORE_SUBSCR_LIST_INT`, `BINARY_SUBSCR_DICT`/`STORE_SUBSCR_DICT` and
//!   `dict.get` (an exact str or small int key, whose lookup would call no
//!   `__eq__`), `UNPACK_SEQUENCE_TUPLE`, `LIST_APPEND`, `BUILD_TUPLE` of up
//!   to 4 items (the recorder keeps the items: `Concrete::Tuple`). A list
//!   item read is a helper call, a tuple item an array read; one that is a
//!   small int or an exact float is unboxed under a guard on its form, any
//!   other stays a `ref`.
//! - Attributes and names: `LOAD_ATTR_INSTANCE` and `STORE_ATTR_INSTANCE`
//!   into an existing attribute are loads and stores of the slot's word
//!   (`getfield_gc_r`/`setfield_gc`, see `InstanceAttrs::value_place`)
//!   under guards on the object's class and map, the class's version an
//!   assumption; `LOAD_ATTR_SLOT` of a member in the object is a load
//!   under the class guard; `LOAD_METHOD_CACHED` is the method as a
//!   constant under the same guards; `LOAD_GLOBAL` and `LOAD_ATTR_MODULE`
//!   are constants under assumptions (see below). Numbers are unboxed and
//!   boxed inline (`boxing`).
//! - Calls: `CALL_PY_EXACT_ARGS`, and a generic `CALL` of a Python
//!   function, inlined (with `COPY_FREE_VARS` and `RETURN_VALUE`, see
//!   below; loops of the callee unrolled); `CALL_BUILTIN` of `math.sqrt` (of a number
//!   that is not negative), `len` (exact list, tuple or str), `abs`, `min`
//!   and `max` of two numbers, `isinstance` (a class whose metaclass is
//!   `type`), `list.append` and `list.pop()`, `dict.get`,
//!   `str.startswith`/`endswith` of exact strs, and `divmod` of
//!   two small ints whose tuple the next instruction unpacks (no tuple).
//! - `YIELD_VALUE` in a generator driven by a consumer ([`Options::yields`]).
//!
//! The iteration ends with the jump back to the header (`JUMP_BACKWARD`, or
//! a conditional jump taken backwards: the compiler ends a `while` loop
//! with its test). A bridge ends wherever it reaches the loop's header; on
//! its way it may leave loops (a `for` whose iterator is exhausted: an
//! inner loop's exit bridge runs the rest of the outer loop's body,
//! unrolling other inner loops, through the outer header and back into the
//! inner loop, so nested loops stay in machine code). Anything else aborts
//! with a reason, as does an iteration that leaves the loop, reaches
//! another loop's backward jump, or grows past [`MAX_INSTRUCTIONS`].
//!
//! ## Inlined calls
//!
//! `CALL_PY_EXACT_ARGS` is followed into the callee: the caller's
//! [`FrameState`] is pushed on `callers` (with the call's operands still
//! on its stack), the callee's begins with the arguments (and defaults) as
//! its first locals, and `RETURN_VALUE` pops it and pushes the result on
//! the caller's stack. No frame exists while the trace runs; a guard's
//! snapshot has one frame per level (each caller at its `CALL`), and a
//! failing guard makes the frames of the calls (`crate::deopt`). The
//! callee is guarded to be the function recorded (a constant when it came
//! from a global or a method cache, so the guard folds away), and its
//! version (code and defaults) is an assumption checked on entry. Calls
//! nest at most [`MAX_INLINE_DEPTH`] deep (a recursive function aborts
//! the recording), and a loop inside a callee aborts it.
//!
//! Global names are constants too: `LOAD_GLOBAL` and `LOAD_ATTR_MODULE`
//! record the value they find as an [`Assumption`] (`crate::assumptions`)
//! that the driver checks on every entry, unless
//! [`Options::dynamic_globals`] asks for a lookup on every iteration.

mod arith;
mod boxing;
mod calls;

use krait_bytecode::{BinaryOp, Opcode as Bc};
use krait_vm::interp::specialize::{self, Site};
use krait_vm::map::PyMap;
use krait_vm::object::{Gc, InstanceAttrs, LayoutKind, ValuePlace};
use krait_vm::types::dict::PyDict;
use krait_vm::types::float;
use krait_vm::types::function::{PyCell, PyCode};
use krait_vm::types::iterator::{self, IterState, PyIterator};
use krait_vm::types::module::PyModule;
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::PyTuple;
use krait_vm::value::Value as PyValue;
use krait_vm::vm::Vm;

use crate::assumptions::{self, lookup_global, Assumption};
use crate::helpers::{exact_len, list_get, tuple_get, VmDescrs};
use crate::ir::resume::{FrameId, FrameSnapshot, Slot, Snapshot};
use crate::ir::{Const, DescrId, Opcode, Trace, Type, Value};

/// Instructions one recorded iteration may run.
pub const MAX_INSTRUCTIONS: usize = 1000;

/// Calls nested inside one another that a trace inlines (the driver
/// enters compiled code only with room for that many more frames).
pub const MAX_INLINE_DEPTH: usize = 8;

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
    /// An iterator over `sequence` (an exact list or tuple) that the trace
    /// made (`GET_ITER`) and the recorder, which allocates nothing, follows
    /// by its position.
    Iter {
        sequence: PyValue,
        index: usize,
    },
    /// A range iterator the trace made (`range(...)` iterated at once),
    /// which the recorder follows by its state: the next value, the step,
    /// and how many values remain.
    RangeIter {
        next: i64,
        step: i64,
        remaining: u64,
    },
    /// A tuple the trace made (`BUILD_TUPLE`): its items are
    /// `Recorder::made_tuples[i]`, read from there, not from the heap.
    Tuple(usize),
}

/// A tracked slot: its trace value and its concrete value.
#[derive(Clone, Copy, Debug)]
struct Tracked {
    value: Value,
    concrete: Concrete,
}

impl Concrete {
    /// A live value's concrete form.
    fn of(vm: &Vm, v: PyValue) -> Concrete {
        match Kind::of(vm, v) {
            Kind::Int => Concrete::Int(v.small_int_unchecked()),
            Kind::Float => Concrete::Float(float::exact_f64(vm, v).expect("a float")),
            Kind::Ref => Concrete::Ref(v),
        }
    }
}

impl Tracked {
    fn kind(&self) -> Kind {
        match self.concrete {
            Concrete::Int(_) => Kind::Int,
            Concrete::Float(_) => Kind::Float,
            Concrete::Ref(_) | Concrete::Iter { .. } | Concrete::RangeIter { .. } | Concrete::Tuple(_) => Kind::Ref,
        }
    }
}

/// The sequence and position of a list iterator (`list`) or a tuple
/// iterator (not `list`), or None for any other (or an exhausted one).
fn sequence_position(v: PyValue, list: bool) -> Option<(PyValue, usize)> {
    let it = v.downcast::<PyIterator>()?;
    let state = it.state.borrow();
    match *state {
        IterState::List { list: l, index } if list => Some((l.value(), index)),
        IterState::Tuple { tuple, index } if !list => Some((tuple.value(), index)),
        _ => None,
    }
}

/// The state of a range iterator: its next value, step, and how many
/// values remain.
fn range_state(v: PyValue) -> Option<(i64, i64, u64)> {
    let it = v.downcast::<PyIterator>()?;
    let state = it.state.borrow();
    match *state {
        IterState::Range { next, step, remaining } => Some((next, step, remaining)),
        _ => None,
    }
}

/// The value word of a tracked int or object (not of a float, which has no
/// one word; nor of an iterator the trace made).
fn key_word(t: Tracked) -> Option<PyValue> {
    match t.concrete {
        Concrete::Int(i) => Some(PyValue::from_small(i)),
        Concrete::Ref(v) => Some(v),
        _ => None,
    }
}

/// Whether two places of [`Recorder::forwarded`] are the same: the same
/// object, or attribute names with the same text (names need not be
/// interned once).
fn same_place(a: PyValue, b: PyValue) -> bool {
    a.is(b) || a.downcast::<PyStr>().zip(b.downcast::<PyStr>()).is_some_and(|(a, b)| a.as_str() == b.as_str())
}

/// The `stores` key of item `i` of `list` (negative counts from the end).
fn list_slot(list: PyValue, i: i64) -> PyValue {
    let len = list.downcast::<krait_vm::types::list::PyList>().map_or(0, |l| l.len() as i64);
    PyValue::from_small(if i < 0 { i + len } else { i })
}

/// A recorded loop.
///
/// Its first input and label value is an **iteration counter** (0 on
/// entry, plus one at each `jump`), and every snapshot's first slot is the
/// counter, followed by the frame's locals and operand stack: so the driver
/// learns at each guard failure how many iterations the machine code ran,
/// and stops entering loops that leave too soon to pay for entering.
pub struct Recorded {
    /// The code object the loop is in.
    pub code: Gc<PyCode>,
    /// The trace: inputs, `label`, one iteration, `jump`.
    pub trace: Trace,
    /// The kinds of the inputs after the counter: the frame's locals, then
    /// its operand stack.
    pub kinds: Vec<Kind>,
    /// How many of them are locals.
    pub nlocals: usize,
    /// The globals and builtins dicts the trace's global lookups use: the
    /// driver enters the loop only from frames that have these.
    pub globals: PyValue,
    pub builtins: PyValue,
    /// Objects the trace compares against by address (guarded globals and
    /// module attributes), which must outlive it so that no other object
    /// can take their address.
    pub constants: Vec<PyValue>,
    /// What the trace relies on without checking it (see
    /// [`crate::assumptions`]): the versions of the functions it inlined,
    /// the values of the globals it took as constants.
    pub assumptions: Vec<Assumption>,
    /// Whether it yields (then it must be entered with a consumer).
    pub yields: bool,
}

/// Why recording stopped without a loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abort(pub String);

type Step<T> = Result<T, Abort>;

fn abort<T>(reason: impl Into<String>) -> Step<T> {
    Err(Abort(reason.into()))
}

/// A frame as the recorder follows it: the loop's own, or an inlined call's.
struct FrameState {
    code: Gc<PyCode>,
    /// The function whose call it is; NULL for the loop's frame.
    func: PyValue,
    locals: Vec<Tracked>,
    stack: Vec<Tracked>,
    /// Where its names are looked up.
    globals: Gc<PyDict>,
    builtins: Gc<PyDict>,
}

struct Recorder<'a> {
    vm: &'a Vm,
    /// The loop's header (in the loop's frame, `callers[0]` or `frame`).
    header: usize,
    /// For a bridge: the input types of the loop it goes back into.
    bridge_to: Option<Vec<Type>>,
    trace: Trace,
    descrs: &'a VmDescrs,
    /// The frame being recorded...
    frame: FrameState,
    /// ... and the frames of the calls it is inlined into, outermost (the
    /// loop's frame) first, each with the index of its `CALL`, whose
    /// operands are still on its stack.
    callers: Vec<(FrameState, usize)>,
    /// The iteration counter (see [`Recorded`]).
    iterations: Value,
    /// What this iteration stored so far, by (object, place): attributes
    /// (the name), list items (`list_slot`), cells (NULL), dict items (the
    /// key, by identity: an equal key that is another str object misses,
    /// which at worst records a path whose guards fail). The recorder
    /// writes no heap, so later loads of the same place take their concrete
    /// value from here.
    stores: Vec<((PyValue, PyValue), Concrete)>,
    /// What the trace itself stored this iteration, by (the object's trace
    /// value, place): attributes (the name) and cells (NULL). A later load
    /// through the same trace value is that value, with no helper call
    /// (store-to-load forwarding). A store of a place forgets it for every
    /// other object, which may be the same at run time; a dict store
    /// forgets every attribute (an instance's `__dict__` is a dict).
    forwarded: Vec<(Value, PyValue, Tracked)>,
    /// The str, dict and set iterators a generic `FOR_ITER` stepped this
    /// iteration (the recorder peeks them, so it can step each only once).
    stepped: Vec<PyValue>,
    /// The items of the tuples the iteration made (see `Concrete::Tuple`).
    made_tuples: Vec<Vec<Tracked>>,
    /// See [`Recorded::constants`].
    constants: Vec<PyValue>,
    /// See [`Recorded::assumptions`].
    assumptions: Vec<Assumption>,
    options: Options,
    /// Whether a `YIELD_VALUE` was recorded.
    yielded: bool,
}

/// How to record.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Look globals up on every iteration instead of taking their values
    /// as constants under an [`Assumption`]: for a loop thrown away before
    /// because a global it assumed changed.
    pub dynamic_globals: bool,
    /// The loop's frame is the entry frame of a generator driven by a
    /// consumer (`generator::drive`), so `YIELD_VALUE` may hand values to
    /// it (the helper `yield_value`); the compiled loop is then entered only
    /// from such frames.
    pub yields: bool,
}

/// Record one iteration of the loop at `header` of the top frame of the
/// thread (saved, with `ip == header`).
pub fn record(
    vm: &Vm,
    descrs: &VmDescrs,
    code: Gc<PyCode>,
    header: usize,
    options: Options,
) -> Result<Recorded, Abort> {
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
    let track = |(&v, &value): (&PyValue, &Value)| Tracked { value, concrete: Concrete::of(vm, v) };
    let nlocals = locals.len();
    let state = FrameState {
        code,
        func: PyValue::NULL,
        locals: locals.iter().zip(&label[..nlocals]).map(track).collect(),
        stack: stack.iter().zip(&label[nlocals..]).map(track).collect(),
        globals: frame.globals,
        builtins: frame.builtins,
    };
    let mut recorder = Recorder::new(vm, descrs, header, trace, state, Vec::new(), iterations, options);
    recorder.run(header)?;
    let Recorder { trace, constants, assumptions, yielded: yields, .. } = recorder;
    let (globals, builtins) = (frame.globals.value(), frame.builtins.value());
    Ok(Recorded { code, trace, kinds, nlocals, globals, builtins, constants, assumptions, yields })
}

/// A recorded bridge.
pub struct RecordedBridge {
    /// Its trace, whose inputs are the guard's fail arguments.
    pub trace: Trace,
    /// See [`Recorded::constants`] and [`Recorded::assumptions`].
    pub constants: Vec<PyValue>,
    pub assumptions: Vec<Assumption>,
}

/// Record a bridge from a guard of a compiled loop that failed: from the
/// frames as the failure left them (written back from `snapshot` of
/// `parent`: the loop's frame, then those of the calls inlined there), to
/// the loop's header, where it jumps to the start of the loop's trace,
/// whose inputs have `loop_types` (the iteration counter, then the slots by
/// kind). The bridge's inputs are the guard's fail arguments, in order.
#[allow(clippy::too_many_arguments)]
pub fn record_bridge(
    vm: &Vm,
    descrs: &VmDescrs,
    (code, header): (Gc<PyCode>, usize),
    parent: &Trace,
    snapshot: crate::ir::SnapshotId,
    loop_types: &[Type],
    options: Options,
) -> Result<RecordedBridge, Abort> {
    let (all_frames, values) = krait_vm::jit_hooks::frames(vm);
    let resumed = parent.resume.frames_of(snapshot);
    let Some(first) = all_frames.len().checked_sub(resumed.len()) else {
        return abort("fewer frames than the guard's snapshot");
    };
    let mut trace = Trace::new(descrs.table.clone());
    let fail_args = parent.resume.fail_args(snapshot);
    let inputs: Vec<Value> = fail_args.iter().map(|&v| trace.add_input(parent.ty(v))).collect();
    let mut iterations = None;
    let mut states = Vec::with_capacity(resumed.len());
    for (depth, (snap, frame)) in resumed.iter().zip(&all_frames[first..]).enumerate() {
        // A caller is in its call: its snapshot's index is the CALL's.
        let at = if depth + 1 == resumed.len() { frame.ip } else { frame.lasti };
        let live = &values[frame.base..frame.sp];
        let counter = usize::from(depth == 0);
        let func = if depth == 0 { PyValue::NULL } else { frame.func };
        let loop_frame_code = depth > 0 || frame.code.value().is(code.value());
        if !loop_frame_code
            || parent.resume.code_word(snap.code) != func.to_bits()
            || snap.pc as usize != at
            || snap.slots.len() != counter + live.len()
        {
            return abort("the frames do not match the guard's snapshot");
        }
        let mut tracked = Vec::with_capacity(live.len());
        for (k, slot) in snap.slots.iter().enumerate() {
            let Slot::Value(v) = *slot else { return abort("a snapshot with a virtual object") };
            let value = match parent.const_of(v) {
                Some(c) => trace.constant(c),
                None => inputs[fail_args.iter().position(|&a| a == v).expect("a fail argument")],
            };
            if k < counter {
                iterations = Some(value);
                continue;
            }
            let concrete = Concrete::of(vm, live[k - counter]);
            if (Tracked { value, concrete }).kind().ty() != trace.ty(value) {
                return abort("a slot of the frame has another kind than its snapshot's");
            }
            tracked.push(Tracked { value, concrete });
        }
        let stack = tracked.split_off(frame.stack_base - frame.base);
        let (globals, builtins) = (frame.globals, frame.builtins);
        states.push((FrameState { code: frame.code, func, locals: tracked, stack, globals, builtins }, at));
    }
    let (Some(iterations), Some((state, start))) = (iterations, states.pop()) else {
        return abort("an empty snapshot");
    };
    let mut recorder = Recorder::new(vm, descrs, header, trace, state, states, iterations, options);
    recorder.bridge_to = Some(loop_types.to_vec());
    recorder.run(start)?;
    let Recorder { trace, constants, assumptions, .. } = recorder;
    Ok(RecordedBridge { trace, constants, assumptions })
}

/// A frame's snapshot at `pc`: its function (NULL for the loop's frame) as
/// its code word, then its slots, after the iteration counter if it is the
/// outermost.
fn frame_snapshot(
    trace: &mut Trace,
    state: &FrameState,
    pc: usize,
    parent: Option<FrameId>,
    iterations: Value,
) -> FrameId {
    let counter = parent.is_none().then_some(iterations);
    let slots = counter.into_iter().chain(state.locals.iter().chain(&state.stack).map(|t| t.value)).map(Slot::Value);
    let code = trace.resume.code_id(state.func.to_bits());
    trace.resume.frame(FrameSnapshot { code, pc: pc as u32, slots: slots.collect(), parent })
}

impl<'a> Recorder<'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        vm: &'a Vm,
        descrs: &'a VmDescrs,
        header: usize,
        trace: Trace,
        frame: FrameState,
        callers: Vec<(FrameState, usize)>,
        iterations: Value,
        options: Options,
    ) -> Recorder<'a> {
        Recorder {
            vm,
            header,
            bridge_to: None,
            trace,
            descrs,
            frame,
            callers,
            iterations,
            stores: Vec::new(),
            forwarded: Vec::new(),
            stepped: Vec::new(),
            made_tuples: Vec::new(),
            constants: Vec::new(),
            assumptions: Vec::new(),
            options,
            yielded: false,
        }
    }

    /// The instruction at `at` (an index the caller checked is in range).
    fn unit(&self, at: usize) -> Step<(Bc, u32)> {
        let unit = self.frame.code.instructions[at].get();
        match Bc::from_u8(unit as u8) {
            Some(op) => Ok((op, unit >> 8)),
            None => abort(format!("no instruction at {at}")),
        }
    }

    /// The snapshot of the frames before the instruction at `at` of the
    /// innermost: each caller's at its `CALL`.
    fn snapshot(&mut self, at: usize) -> crate::ir::resume::SnapshotId {
        let mut parent = None;
        for (state, call_at) in &self.callers {
            parent = Some(frame_snapshot(&mut self.trace, state, *call_at, parent, self.iterations));
        }
        let frame = frame_snapshot(&mut self.trace, &self.frame, at, parent, self.iterations);
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
        match self.frame.stack.pop() {
            Some(t) => Ok(t),
            None => abort("operand stack underflow"),
        }
    }

    fn peek(&self, n: usize) -> Step<Tracked> {
        match self.frame.stack.len().checked_sub(n) {
            Some(i) => Ok(self.frame.stack[i]),
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
            Concrete::Ref(_) | Concrete::Iter { .. } | Concrete::RangeIter { .. } | Concrete::Tuple(_) => None,
        }
    }

    /// `LOAD_DEREF` of `cell` (a local), by the helper.
    fn record_cell_get(&mut self, cell: Tracked, at: usize) -> Step<Tracked> {
        let Concrete::Ref(c) = cell.concrete else { return abort("LOAD_DEREF of a number") };
        let Some(current) = c.downcast::<PyCell>().map(|c| c.contents.get()) else {
            return abort("LOAD_DEREF of a slot that holds no cell");
        };
        let concrete = match self.stored(c, PyValue::NULL) {
            Some(stored) => stored,
            None if current.is_null() => return abort("LOAD_DEREF of an empty cell"),
            None => Concrete::of(self.vm, current),
        };
        let word = self.trace.push(Opcode::call_r, &[cell.value], Some(self.descrs.cell_get));
        let word = word.expect("call_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        Ok(self.item(word, concrete, at))
    }

    /// Remember that the trace stored `value` into `place` of the object
    /// whose trace value is `object` (see [`Recorder::forwarded`]).
    fn forward(&mut self, object: Value, place: PyValue, value: Tracked) {
        self.forwarded.retain(|&(_, p, _)| !same_place(p, place));
        self.forwarded.push((object, place, value));
    }

    /// What the trace stored into `place` of `object` this iteration, if
    /// it still knows.
    fn forwarded(&self, object: Value, place: PyValue) -> Option<Tracked> {
        self.forwarded.iter().rev().find(|&&(o, p, _)| o == object && same_place(p, place)).map(|f| f.2)
    }

    /// `dict[key]` as the recorder sees it, for an exact dict and a key
    /// that is an exact str or a small int whose lookup runs no Python code
    /// (`dict::subscript_without_eq`; `None` for any other): what this
    /// iteration stored there, else the dict's item, `Some(None)` when the
    /// key is missing.
    fn dict_lookup(&self, dict: Tracked, key: Tracked) -> Option<Option<Concrete>> {
        let (Some(key), Concrete::Ref(d)) = (key_word(key), dict.concrete) else { return None };
        let found = krait_vm::types::dict::subscript_without_eq(self.vm, d, key)?;
        Some(self.stored(d, key).or_else(|| found.map(|item| Concrete::of(self.vm, item))))
    }

    /// What this iteration last stored into `place` of `object` (see
    /// [`Recorder::stores`]).
    fn stored(&self, object: PyValue, place: PyValue) -> Option<Concrete> {
        self.stores.iter().rev().find(|(key, _)| key.0.is(object) && key.1.is(place)).map(|s| s.1)
    }

    /// A read with no side effect by a helper pair (`float`, `word`), of a
    /// value known when recording to be `concrete`, guarded at `at`: a
    /// float by the helper that checks the kind and unboxes in one call
    /// (a miss raises the context's flag), anything else by the one that
    /// returns the word (0 on a miss), then `item`'s kind guard.
    fn read(&mut self, (float, word): (DescrId, DescrId), args: &[Value], concrete: Concrete, at: usize) -> Tracked {
        if let Concrete::Float(_) = concrete {
            let value = self.trace.push(Opcode::call_f, args, Some(float));
            self.guard(Opcode::guard_no_exception, &[], at);
            return Tracked { value: value.expect("call_f has a result"), concrete };
        }
        let word = self.trace.push(Opcode::call_r, args, Some(word)).expect("call_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        self.item(word, concrete, at)
    }

    /// The instruction at `at` and its cache, and their address as a trace
    /// constant, for helpers that use the interpreter's cache there (see
    /// `helpers::site_with`).
    fn site(&mut self, at: usize) -> (Site, Value) {
        let address = self.frame.code.instructions.as_ptr().wrapping_add(at);
        (self.site_at(at), self.trace.const_int(address as i64))
    }

    /// The instruction at `at` and its cache, to read as the interpreter
    /// does.
    fn site_at(&self, at: usize) -> Site {
        // SAFETY: `at` is an instruction of the code object, followed by
        // its cache.
        unsafe { Site::new(self.frame.code.instructions.as_ptr().wrapping_add(at)) }
    }

    /// A value the trace read from the heap (`word`, a `ref`, non-zero when
    /// the read succeeded), known when recording to be `v`: a number is
    /// unboxed under a kind guard, any other object becomes a constant
    /// under a `guard_value` (the object is kept alive with the trace).
    fn known_value(&mut self, word: Value, v: PyValue, at: usize) -> Tracked {
        self.guard(Opcode::guard_nonnull, &[word], at);
        let concrete = Concrete::of(self.vm, v);
        if !matches!(concrete, Concrete::Ref(_)) {
            return self.item(word, concrete, at);
        }
        let expected = self.trace.constant(Const::Ptr(v.to_bits()));
        self.guard(Opcode::guard_value, &[word, expected], at);
        self.constants.push(v);
        Tracked { value: expected, concrete }
    }

    /// The truth of `t`, guarded at `at` to be as recorded: of a number, of
    /// a bool or None, of an exact list, tuple or str (its length), or of
    /// an instance of a class that defines neither `__bool__` nor
    /// `__len__` (true, under a guard on the class, whose version is an
    /// assumption).
    fn truth(&mut self, t: Tracked, at: usize) -> Step<bool> {
        let v = match t.concrete {
            Concrete::Int(i) => {
                let c = self.op(Opcode::int_is_true, &[t.value]);
                self.branch(c, i != 0, at);
                return Ok(i != 0);
            }
            Concrete::Float(f) => {
                let zero = self.trace.constant(Const::Float(0.0));
                let c = self.op(Opcode::float_ne, &[t.value, zero]);
                self.branch(c, f != 0.0, at);
                return Ok(f != 0.0);
            }
            Concrete::Ref(v) if !v.is_null() => v,
            _ => return abort("the truth of an iterator the trace made"),
        };
        let singletons = &self.vm.singletons;
        if v.is(singletons.true_) || v.is(singletons.false_) || self.vm.is_none(v) {
            let expected = self.trace.constant(Const::Ptr(v.to_bits()));
            self.guard(Opcode::guard_value, &[t.value, expected], at);
            return Ok(v.is(singletons.true_));
        }
        if let Some(len) = exact_len(self.vm, v) {
            let class = self.vm.class_of(v);
            self.guard_class(t.value, class, at);
            let word = self.trace.push(Opcode::call_r, &[t.value], Some(self.descrs.sequence_len));
            let word = word.expect("call_r has a result");
            self.guard(Opcode::guard_nonnull, &[word], at);
            let doubled = self.untag_int(word);
            let c = self.op(Opcode::int_is_true, &[doubled]);
            self.branch(c, len != 0, at);
            return Ok(len != 0);
        }
        let class = self.vm.class_of(v);
        let version = class.current_version();
        if version == 0 || self.class_defines(class, &[self.vm.names.bool_, self.vm.names.len]) {
            return abort("the truth of an object whose class may define it");
        }
        self.guard_class(t.value, class, at);
        self.assume(Assumption::ClassVersion { class, version });
        Ok(true)
    }

    /// Take a conditional branch observed to go `taken` (true: to `target`),
    /// guarding the condition `cond` (an int, non-zero when true) with resume
    /// data at `at`.
    fn branch(&mut self, cond: Value, truth: bool, at: usize) {
        self.guard(if truth { Opcode::guard_true } else { Opcode::guard_false }, &[cond], at);
    }

    /// Record from instruction `start` of the innermost frame.
    fn run(&mut self, start: usize) -> Step<()> {
        let mut ip = start;
        for _ in 0..MAX_INSTRUCTIONS {
            if ip >= self.frame.code.instructions.len() {
                return abort("ran off the end of the code");
            }
            let at = ip;
            let depth = self.callers.len();
            let (op, arg) = self.unit(at)?;
            ip += 1;
            match op {
                Bc::NOP | Bc::RESUME => {}
                Bc::LOAD_FAST => {
                    let t = self.frame.locals[arg as usize];
                    if matches!(t.concrete, Concrete::Ref(v) if v.is_null()) {
                        return abort("LOAD_FAST of an unbound local");
                    }
                    self.frame.stack.push(t);
                }
                Bc::STORE_FAST => {
                    let t = self.pop()?;
                    self.frame.locals[arg as usize] = t;
                }
                Bc::LOAD_CONST => {
                    // (The code object keeps it alive: the loop's is kept
                    // alive with the compiled loop, an inlined function's
                    // with the function.)
                    let t = self.constant(self.frame.code.consts[arg as usize]);
                    self.frame.stack.push(t);
                }
                Bc::POP_TOP => {
                    // The interpreter's POP_TOP collects an abandoned
                    // generator: an object the trace does not know (as it
                    // knows `list.append`'s None) is guarded to be of its
                    // class, which is not a generator's.
                    let t = self.peek(1)?;
                    if let Concrete::Ref(v) = t.concrete {
                        if v.is_null() || v.has_kind(LayoutKind::Generator) {
                            return abort("POP_TOP of a generator");
                        }
                        if self.trace.const_of(t.value).is_none() {
                            self.guard_class(t.value, self.vm.class_of(v), at);
                        }
                    } else if let Concrete::Iter { .. } | Concrete::RangeIter { .. } = t.concrete {
                        return abort("POP_TOP of an iterator");
                    }
                    self.pop()?;
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
                        Concrete::Ref(_) | Concrete::Iter { .. } | Concrete::RangeIter { .. } | Concrete::Tuple(_) => {
                            return abort("UNARY_NEGATIVE of an object")
                        }
                    };
                    self.pop()?;
                    self.frame.stack.push(negated);
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
                Bc::COMPARE_OP_INT | Bc::COMPARE_OP_FLOAT | Bc::COMPARE_OP_STR | Bc::COMPARE_OP => {
                    ip += Bc::COMPARE_OP.cache_units();
                    ip = self.record_compare(at, op, arg, ip)?;
                }
                Bc::POP_JUMP_IF_FALSE | Bc::POP_JUMP_IF_TRUE => {
                    let truth = self.truth(self.peek(1)?, at)?;
                    self.pop()?;
                    if truth == (op == Bc::POP_JUMP_IF_TRUE) {
                        ip = arg as usize;
                    }
                }
                Bc::UNARY_NOT => {
                    let truth = self.truth(self.peek(1)?, at)?;
                    self.pop()?;
                    let t = self.constant(self.vm.bool_value(!truth));
                    self.frame.stack.push(t);
                }
                Bc::JUMP_IF_FALSE_OR_POP | Bc::JUMP_IF_TRUE_OR_POP => {
                    // (`and`, `or`: the operand stays when the jump is taken.)
                    let truth = self.truth(self.peek(1)?, at)?;
                    if truth == (op == Bc::JUMP_IF_TRUE_OR_POP) {
                        ip = arg as usize;
                    } else {
                        self.pop()?;
                    }
                }
                Bc::POP_JUMP_IF_NONE | Bc::POP_JUMP_IF_NOT_NONE => {
                    let t = self.peek(1)?;
                    // (A number is never None: its kind is guarded.)
                    let is_none = match t.concrete {
                        Concrete::Ref(v) => {
                            let none = self.trace.constant(Const::Ptr(self.vm.none().to_bits()));
                            let cond = self.op(Opcode::ptr_eq, &[t.value, none]);
                            let is_none = self.vm.is_none(v);
                            self.branch(cond, is_none, at);
                            is_none
                        }
                        _ => false,
                    };
                    self.pop()?;
                    if is_none == (op == Bc::POP_JUMP_IF_NONE) {
                        ip = arg as usize;
                    }
                }
                Bc::IS_OP => ip = self.record_is(at, arg == 1, ip)?,
                Bc::JUMP_FORWARD => ip = arg as usize,
                Bc::JUMP_BACKWARD => ip = arg as usize,
                Bc::FOR_ITER_RANGE => {
                    ip += Bc::FOR_ITER_RANGE.cache_units();
                    let t = self.peek(1)?;
                    let state = match t.concrete {
                        Concrete::Ref(iterator) => range_state(iterator),
                        Concrete::RangeIter { next, step, remaining } => Some((next, step, remaining)),
                        _ => return abort("FOR_ITER_RANGE on a number"),
                    };
                    let Some((next, step, remaining)) = state else {
                        return abort("FOR_ITER_RANGE on an iterator that is not a range's");
                    };
                    // The recorder follows the iterator by its state from
                    // now on (its loop may be unrolled).
                    if remaining > 0 {
                        let top = self.frame.stack.len() - 1;
                        let (next, remaining) = (next.wrapping_add(step), remaining - 1);
                        self.frame.stack[top].concrete = Concrete::RangeIter { next, step, remaining };
                    }
                    match (remaining > 0).then_some(next) {
                        Some(next) if PyValue::small_int(next).is_some() => {
                            let word = self.trace.push(Opcode::call_i, &[t.value], Some(self.descrs.range_next));
                            let word = word.expect("call_i has a result");
                            let advanced = self.op(Opcode::int_is_true, &[word]);
                            self.guard(Opcode::guard_true, &[advanced], at);
                            let one = self.trace.const_int(1);
                            let doubled = self.op(Opcode::int_sub, &[word, one]);
                            self.frame.stack.push(Tracked { value: doubled, concrete: Concrete::Int(next) });
                        }
                        Some(_) => return abort("range value beyond the small ints"),
                        None if self.may_leave_loops() => {
                            // A bridge goes on after the loop ends (an outer
                            // loop around the one it returns to).
                            self.guard_exhausted(t.value, at);
                            self.pop()?;
                            ip = arg as usize;
                        }
                        None => return abort("the range is exhausted: the iteration leaves the loop"),
                    }
                }
                Bc::FOR_ITER_LIST | Bc::FOR_ITER_TUPLE => {
                    ip += Bc::FOR_ITER_LIST.cache_units();
                    let list = op == Bc::FOR_ITER_LIST;
                    let t = self.peek(1)?;
                    let position = match t.concrete {
                        Concrete::Ref(iterator) => sequence_position(iterator, list),
                        Concrete::Iter { sequence, index } => Some((sequence, index)),
                        _ => return abort("FOR_ITER_LIST on a number"),
                    };
                    // The recorder follows the iterator by its position from
                    // now on (its loop may be unrolled).
                    let next = position.map(|(sequence, index)| {
                        let top = self.frame.stack.len() - 1;
                        self.frame.stack[top].concrete = Concrete::Iter { sequence, index: index + 1 };
                        if list {
                            list_get(sequence, index as i64)
                        } else {
                            tuple_get(sequence, index as i64)
                        }
                    });
                    match next {
                        Some(Some(item)) if float::exact_f64(self.vm, item).is_some() => {
                            // One call advances past a float and unboxes it;
                            // on anything else it advances nothing.
                            let descr = if list { self.descrs.list_next_float } else { self.descrs.tuple_next_float };
                            let value = self.trace.push(Opcode::call_f, &[t.value], Some(descr));
                            self.guard(Opcode::guard_no_exception, &[], at);
                            let concrete = Concrete::of(self.vm, item);
                            self.frame.stack.push(Tracked { value: value.expect("call_f has a result"), concrete });
                        }
                        Some(Some(item)) => {
                            let descr = if list { self.descrs.list_next } else { self.descrs.tuple_next };
                            self.record_step(descr, t.value, item, at, ip);
                        }
                        Some(None) if self.may_leave_loops() => {
                            self.guard_exhausted(t.value, at);
                            self.trace.push(Opcode::call_i, &[t.value], Some(self.descrs.exhaust_iterator));
                            self.pop()?;
                            ip = arg as usize;
                        }
                        Some(None) => return abort("the sequence is exhausted: the iteration leaves the loop"),
                        None => return abort("FOR_ITER_LIST on another iterator"),
                    }
                }
                Bc::FOR_ITER => {
                    ip += Bc::FOR_ITER.cache_units();
                    let t = self.peek(1)?;
                    let Concrete::Ref(iterator) = t.concrete else {
                        return abort("FOR_ITER of an iterator the trace made");
                    };
                    let Some(next) = iterator::peek_builtin(self.vm, iterator) else {
                        return abort("FOR_ITER of other than a str, dict or set iterator");
                    };
                    // The recorder cannot follow these by position: one step each.
                    if self.stepped.contains(&iterator) {
                        return abort("FOR_ITER of a str, dict or set iterator stepped before in the iteration");
                    }
                    self.stepped.push(iterator);
                    match next {
                        Some(item) => self.record_step(self.descrs.builtin_next, t.value, item, at, ip),
                        None if self.may_leave_loops() => {
                            self.guard_exhausted(t.value, at);
                            self.pop()?;
                            ip = arg as usize;
                        }
                        None => return abort("the iterator is exhausted: the iteration leaves the loop"),
                    }
                }
                Bc::CONTAINS_OP => ip = self.record_dict_contains(at, arg == 1, ip)?,
                Bc::BINARY_SUBSCR_DICT => {
                    ip += Bc::BINARY_SUBSCR.cache_units();
                    let (dict, key) = (self.peek(2)?, self.peek(1)?);
                    let Some(Some(item)) = self.dict_lookup(dict, key) else {
                        return abort(
                            "BINARY_SUBSCR_DICT other than of an exact str or small int key in an exact dict",
                        );
                    };
                    // (`dict.get` with no default: 0 when the key is missing.)
                    let args = [dict.value, self.boxed(key, at), self.trace.constant(Const::Ptr(0))];
                    let word = self.trace.push(Opcode::call_r, &args, Some(self.descrs.dict_get));
                    let word = word.expect("call_r has a result");
                    self.guard(Opcode::guard_nonnull, &[word], at);
                    let item = self.item(word, item, at);
                    self.frame.stack.truncate(self.frame.stack.len() - 2);
                    self.frame.stack.push(item);
                }
                Bc::STORE_SUBSCR_DICT => {
                    ip += Bc::STORE_SUBSCR.cache_units();
                    let (value, dict, key) = (self.peek(3)?, self.peek(2)?, self.peek(1)?);
                    let (Some(key_value), Concrete::Ref(d)) = (key_word(key), dict.concrete) else {
                        return abort("STORE_SUBSCR_DICT of other operands");
                    };
                    if self.dict_lookup(dict, key).is_none() {
                        return abort("STORE_SUBSCR_DICT of a key that is not an exact str or a small int");
                    }
                    let (boxed_key, boxed_value) = (self.boxed(key, at), self.boxed(value, at));
                    let args = [dict.value, boxed_key, boxed_value];
                    let stored = self.trace.push(Opcode::call_i, &args, Some(self.descrs.dict_store));
                    self.guard(Opcode::guard_true, &[stored.expect("call_i has a result")], at);
                    self.stores.push(((d, key_value), value.concrete));
                    // (An instance's `__dict__` may be this dict.)
                    self.forwarded.retain(|(_, place, _)| place.is_null());
                    self.frame.stack.truncate(self.frame.stack.len() - 3);
                }
                Bc::FOR_ITER_UNPACK => {
                    ip += Bc::FOR_ITER.cache_units();
                    ip = self.record_for_iter_unpack(at, ip)?;
                }
                Bc::BUILD_TUPLE => self.record_build_tuple(at, arg as usize)?,
                Bc::BINARY_SUBSCR_TUPLE_INT if matches!(self.peek(2)?.concrete, Concrete::Tuple(_)) => {
                    ip += Bc::BINARY_SUBSCR.cache_units();
                    let (Concrete::Tuple(made), key) = (self.peek(2)?.concrete, self.peek(1)?) else {
                        unreachable!("matched above")
                    };
                    let Concrete::Int(i) = key.concrete else {
                        return abort("a made tuple's item of a key that is not a small int");
                    };
                    let items = &self.made_tuples[made];
                    let index = if i < 0 { i + items.len() as i64 } else { i };
                    let Some(&item) = usize::try_from(index).ok().and_then(|i| items.get(i)) else {
                        return abort("index out of range");
                    };
                    // The item is the one the trace put there, for the key recorded.
                    let expected = self.trace.const_int(i << 1);
                    self.guard(Opcode::guard_value, &[key.value, expected], at);
                    self.frame.stack.truncate(self.frame.stack.len() - 2);
                    self.frame.stack.push(item);
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
                    let stored = list.then(|| self.stored(c, list_slot(c, i))).flatten();
                    let item = stored.unwrap_or_else(|| Concrete::of(self.vm, item));
                    self.guard_class(container.value, class, at);
                    let descrs = if list {
                        (self.descrs.list_item_float, self.descrs.list_item)
                    } else {
                        (self.descrs.tuple_item_float, self.descrs.tuple_item)
                    };
                    let item = self.read(descrs, &[container.value, key.value], item, at);
                    self.frame.stack.truncate(self.frame.stack.len() - 2);
                    self.frame.stack.push(item);
                }
                Bc::STORE_SUBSCR_LIST_INT => {
                    ip += Bc::STORE_SUBSCR.cache_units();
                    let (value, container, key) = (self.peek(3)?, self.peek(2)?, self.peek(1)?);
                    let (Concrete::Ref(c), Concrete::Int(i)) = (container.concrete, key.concrete) else {
                        return abort("STORE_SUBSCR_LIST_INT on other operands");
                    };
                    if !self.vm.is_exact(c, self.vm.types.list) || list_get(c, i).is_none() {
                        return abort("STORE_SUBSCR_LIST_INT out of range or on another container");
                    }
                    self.guard_class(container.value, self.vm.types.list, at);
                    let word = self.boxed(value, at);
                    let stored = self.trace.push(
                        Opcode::call_i,
                        &[container.value, key.value, word],
                        Some(self.descrs.list_store),
                    );
                    self.guard(Opcode::guard_true, &[stored.expect("call_i has a result")], at);
                    self.stores.push(((c, list_slot(c, i)), value.concrete));
                    self.frame.stack.truncate(self.frame.stack.len() - 3);
                }
                Bc::LOAD_DEREF => {
                    let cell = self.frame.locals[arg as usize];
                    let value = match self.forwarded(cell.value, PyValue::NULL) {
                        Some(value) => value,
                        None => self.record_cell_get(cell, at)?,
                    };
                    self.frame.stack.push(value);
                }
                Bc::STORE_DEREF => {
                    let (cell, value) = (self.frame.locals[arg as usize], self.peek(1)?);
                    let Concrete::Ref(c) = cell.concrete else { return abort("STORE_DEREF into a number") };
                    if c.downcast::<PyCell>().is_none() {
                        return abort("STORE_DEREF into a slot that holds no cell");
                    }
                    let word = self.boxed(value, at);
                    let stored = self.trace.push(Opcode::call_i, &[cell.value, word], Some(self.descrs.cell_set));
                    self.guard(Opcode::guard_true, &[stored.expect("call_i has a result")], at);
                    self.stores.push(((c, PyValue::NULL), value.concrete));
                    self.forward(cell.value, PyValue::NULL, value);
                    self.pop()?;
                }
                Bc::PUSH_NULL => {
                    let null = self.trace.constant(Const::Ptr(0));
                    self.frame.stack.push(Tracked { value: null, concrete: Concrete::Ref(PyValue::NULL) });
                }
                Bc::COPY => {
                    let t = self.peek(arg as usize)?;
                    self.frame.stack.push(t);
                }
                Bc::SWAP => {
                    let top = self.frame.stack.len();
                    let Some(other) = top.checked_sub(arg as usize) else { return abort("operand stack underflow") };
                    self.frame.stack.swap(other, top - 1);
                }
                Bc::UNPACK_SEQUENCE_TUPLE => {
                    ip += Bc::UNPACK_SEQUENCE.cache_units();
                    self.record_unpack_tuple(at, arg as usize)?;
                }
                Bc::LOAD_GLOBAL | Bc::LOAD_GLOBAL_MODULE | Bc::LOAD_GLOBAL_BUILTIN => {
                    ip += Bc::LOAD_GLOBAL.cache_units();
                    self.record_load_global(at, arg)?;
                }
                Bc::LOAD_ATTR_SLOT => {
                    ip += Bc::LOAD_ATTR.cache_units();
                    self.record_load_attr_slot(at)?;
                }
                Bc::LOAD_ATTR_INSTANCE => {
                    ip += Bc::LOAD_ATTR.cache_units();
                    self.record_load_attr_instance(at, arg)?;
                }
                Bc::STORE_ATTR_INSTANCE => {
                    ip += Bc::STORE_ATTR.cache_units();
                    self.record_store_attr_instance(at, arg)?;
                }
                Bc::LOAD_ATTR_MODULE => {
                    ip += Bc::LOAD_ATTR.cache_units();
                    let t = self.peek(1)?;
                    let Concrete::Ref(module) = t.concrete else { return abort("LOAD_ATTR_MODULE of a number") };
                    let (site, address) = self.site(at);
                    let Some(v) = specialize::cached_module_attr(self.vm, site, module) else {
                        return abort("LOAD_ATTR_MODULE misses its cache");
                    };
                    let value = match module.downcast::<PyModule>() {
                        Some(m) if !self.options.dynamic_globals => {
                            // A constant, as a global is (see `record_load_global`).
                            if self.trace.const_of(t.value).is_none() {
                                let expected = self.trace.constant(Const::Ptr(module.to_bits()));
                                self.guard(Opcode::guard_value, &[t.value, expected], at);
                                self.constants.push(module);
                            }
                            let Some(name) = self.frame.code.names[arg as usize].downcast::<PyStr>() else {
                                return abort("LOAD_ATTR_MODULE of a name that is not a str");
                            };
                            self.assume(Assumption::module_attr(m.dict(), name, v));
                            self.constants.push(v);
                            self.constant(v)
                        }
                        _ => {
                            let args = [address, t.value];
                            let word = self.trace.push(Opcode::call_r, &args, Some(self.descrs.load_attr_module));
                            self.known_value(word.expect("call_r has a result"), v, at)
                        }
                    };
                    self.pop()?;
                    self.frame.stack.push(value);
                }
                Bc::GET_ITER => {
                    let t = self.peek(1)?;
                    let Concrete::Ref(v) = t.concrete else { return abort("GET_ITER of a number") };
                    if !self.vm.is_exact(v, self.vm.types.list) && !self.vm.is_exact(v, self.vm.types.tuple) {
                        return abort("GET_ITER of an object that is not an exact list or tuple");
                    }
                    let word = self.trace.push(Opcode::call_r, &[t.value], Some(self.descrs.new_iterator));
                    let word = word.expect("call_r has a result");
                    self.guard(Opcode::guard_nonnull, &[word], at);
                    self.pop()?;
                    self.frame.stack.push(Tracked { value: word, concrete: Concrete::Iter { sequence: v, index: 0 } });
                }
                Bc::LIST_APPEND => {
                    let (value, list) = (self.peek(1)?, self.peek(arg as usize + 1)?);
                    let Concrete::Ref(l) = list.concrete else { return abort("LIST_APPEND to a number") };
                    if !self.vm.is_exact(l, self.vm.types.list) {
                        return abort("LIST_APPEND to another object");
                    }
                    self.append(list, value, at);
                    self.pop()?;
                }
                Bc::LOAD_METHOD_CACHED => {
                    ip += Bc::LOAD_METHOD.cache_units();
                    let owner = self.peek(1)?;
                    let Concrete::Ref(object) = owner.concrete else { return abort("LOAD_METHOD_CACHED on a number") };
                    let site = self.site_at(at);
                    let Some(method) = specialize::cached_method(self.vm, site, object) else {
                        return abort("LOAD_METHOD_CACHED misses its cache");
                    };
                    // The class's version and the instance's map decide the method.
                    self.guard_shape(owner.value, object, at)?;
                    self.constants.push(method);
                    let method = self.constant(method);
                    self.pop()?;
                    self.frame.stack.push(method);
                    self.frame.stack.push(owner);
                }
                Bc::CALL_BUILTIN => ip = self.record_call_builtin(at, arg as usize)?,
                // A generic `CALL` (a site that saw several callees) of a
                // function that binds its arguments positionally is inlined
                // as `CALL_PY_EXACT_ARGS` is: the guard on the callee makes
                // the trace specific to the one it saw (no `KW_NAMES` is
                // recorded, so it has no keyword arguments).
                Bc::CALL if self.calls_range(arg as usize)? => ip = self.record_range_iter(at, arg as usize)?,
                Bc::CALL_PY_EXACT_ARGS | Bc::CALL => {
                    self.record_call_py(at, arg as usize)?;
                    ip = 0;
                }
                Bc::COPY_FREE_VARS => self.record_copy_free_vars(arg as usize)?,
                Bc::YIELD_VALUE => self.record_yield(at, ip)?,
                Bc::RETURN_VALUE => {
                    let result = self.pop()?;
                    let Some((caller, call_at)) = self.callers.pop() else {
                        return abort("the iteration returns from the loop's frame");
                    };
                    self.frame = caller;
                    let (_, n) = self.unit(call_at)?;
                    let Some(keep) = self.frame.stack.len().checked_sub(n as usize + 2) else {
                        return abort("operand stack underflow");
                    };
                    self.frame.stack.truncate(keep);
                    self.frame.stack.push(result);
                    ip = call_at + 1 + Bc::CALL.cache_units();
                }
                other => {
                    let name = self.frame.code.qualname.downcast::<PyStr>().map(|s| s.as_str().to_string());
                    return abort(format!("unsupported instruction {other:?} at {}:{at}", name.unwrap_or_default()));
                }
            }
            if self.callers.len() != depth {
                // Into or out of an inlined call.
                continue;
            }
            if depth > 0 {
                // A loop of an inlined call is unrolled: its iterations
                // are part of this one (guards fail, and bridges take
                // over, when their number changes).
                continue;
            }
            // A jump back (`JUMP_BACKWARD`, or a conditional jump taken
            // backwards, as the compiler ends `while` loops) closes the loop
            // if it goes to the header.
            if self.bridge_to.is_some() {
                // A bridge ends wherever it reaches the header (after the
                // end of an inner loop, through an outer loop's header).
                if ip == self.header {
                    return self.close_loop();
                }
            } else if ip <= at {
                if ip != self.header {
                    return abort(format!("backward jump to {ip}, not to the loop header"));
                }
                return self.close_loop();
            }
        }
        abort(format!("iteration longer than {MAX_INSTRUCTIONS} instructions"))
    }

    /// Whether the iteration may go on after a `for` loop ends: in a
    /// bridge (an inner loop ends, the outer one goes on), or in an inlined
    /// call (whose loops are unrolled), but not where the loop being
    /// recorded would end.
    fn may_leave_loops(&self) -> bool {
        self.bridge_to.is_some() || !self.callers.is_empty()
    }

    /// A `FOR_ITER` at `at` stepping `iterator` with the helper `descr`
    /// (the next item's word, or 0 having taken nothing), recorded as
    /// taking `item`: the item goes on the stack, unboxed under a guard
    /// that resumes after the instruction (at `next`, with the item boxed
    /// on the stack), since the iterator has advanced.
    fn record_step(&mut self, descr: DescrId, iterator: Value, item: PyValue, at: usize, next: usize) {
        let word = self.trace.push(Opcode::call_r, &[iterator], Some(descr)).expect("call_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        self.frame.stack.push(Tracked { value: word, concrete: Concrete::Ref(item) });
        let item = self.item(word, Concrete::of(self.vm, item), next);
        let top = self.frame.stack.len() - 1;
        self.frame.stack[top] = item;
    }

    /// Guard that the iterator `it` of a `FOR_ITER` at `at` is exhausted,
    /// without advancing it (the guard resumes at the `FOR_ITER`).
    fn guard_exhausted(&mut self, it: Value, at: usize) {
        let exhausted = self.trace.push(Opcode::call_i, &[it], Some(self.descrs.iterator_exhausted));
        self.guard(Opcode::guard_true, &[exhausted.expect("call_i has a result")], at);
    }

    /// End the iteration at the header: a loop jumps to its label, a bridge
    /// to the start of its loop's trace (which takes the same slots).
    fn close_loop(&mut self) -> Step<()> {
        let types: Vec<Type> = match &self.bridge_to {
            Some(types) => types[1..].to_vec(),
            None => {
                let label = self.trace.loop_label().expect("the trace has a label");
                self.trace.ops[label].args[1..].iter().map(|&l| self.trace.ty(l)).collect()
            }
        };
        let slots: Vec<Tracked> = self.frame.locals.iter().chain(&self.frame.stack).copied().collect();
        if slots.len() != types.len() {
            return abort("the operand stack depth differs at the end of the iteration");
        }
        for (i, (t, &ty)) in slots.iter().zip(&types).enumerate() {
            if t.kind().ty() != ty {
                return abort(format!("slot {i} changes kind in the loop (type-unstable loop)"));
            }
        }
        let one = self.trace.const_int(1);
        let next = self.op(Opcode::int_add, &[self.iterations, one]);
        let args: Vec<Value> = std::iter::once(next).chain(slots.iter().map(|t| t.value)).collect();
        self.trace.push(Opcode::jump, &args, None);
        self.trace.loop_target = self.bridge_to.clone();
        Ok(())
    }

    /// `FOR_ITER_UNPACK` (`for a, b in zip(...)` or `enumerate(...)`, with
    /// the `UNPACK_SEQUENCE` at `next` that it steps over) over a zip of
    /// list or tuple iterators or an enumerate of one: the items read one
    /// by one (`unpack_item`), then the step taken (`unpack_advance`), and
    /// no tuple made. Returns the next instruction.
    fn record_for_iter_unpack(&mut self, at: usize, next: usize) -> Step<usize> {
        let (_, n) = self.unit(next)?;
        let n = n as usize;
        let t = self.peek(1)?;
        let Concrete::Ref(it) = t.concrete else { return abort("FOR_ITER_UNPACK over a number") };
        let mut items = Vec::with_capacity(n);
        for k in 0..n {
            match iterator::peek_unpacked(it, n, k) {
                Some(Some(item)) => items.push(item),
                Some(None) => return abort("the zip or enumerate is exhausted: the iteration leaves the loop"),
                None => return abort("FOR_ITER_UNPACK over another iterator"),
            }
        }
        let count = self.trace.const_int(n as i64);
        let mut words = Vec::with_capacity(n);
        for k in 0..n {
            let k = self.trace.const_int(k as i64);
            let word = self.trace.push(Opcode::call_r, &[t.value, count, k], Some(self.descrs.unpack_item));
            let word = word.expect("call_r has a result");
            self.guard(Opcode::guard_nonnull, &[word], at);
            words.push(word);
        }
        let advanced = self.trace.push(Opcode::call_i, &[t.value, count], Some(self.descrs.unpack_advance));
        self.guard(Opcode::guard_true, &[advanced.expect("call_i has a result")], at);
        // The iterator has advanced: the items' kind guards resume after
        // the UNPACK_SEQUENCE, with the items (boxed) on the stack, the
        // first on top as the interpreter pushes them.
        let after = next + 1 + Bc::UNPACK_SEQUENCE.cache_units();
        let base = self.frame.stack.len();
        for (&value, &item) in words.iter().zip(&items).rev() {
            self.frame.stack.push(Tracked { value, concrete: Concrete::Ref(item) });
        }
        for (i, (&word, &item)) in words.iter().zip(&items).rev().enumerate() {
            let unboxed = self.item(word, Concrete::of(self.vm, item), after);
            self.frame.stack[base + i] = unboxed;
        }
        Ok(after)
    }

    /// `BUILD_TUPLE` of 1 to 4 items: a new tuple (a helper call), whose
    /// items the recorder keeps (`Concrete::Tuple`), so unpacking it and
    /// indexing it by a constant read no heap; the empty tuple is the
    /// shared one.
    fn record_build_tuple(&mut self, at: usize, n: usize) -> Step<()> {
        if n == 0 {
            let empty = self.vm.singletons.empty_tuple;
            self.constants.push(empty);
            let t = self.constant(empty);
            self.frame.stack.push(t);
            return Ok(());
        }
        let Some(&descr) = self.descrs.tuple_new.get(n - 1) else {
            return abort("BUILD_TUPLE of more than 4 items");
        };
        let items = self.frame.stack[self.frame.stack.len() - n..].to_vec();
        let words: Vec<Value> = items.iter().map(|&t| self.boxed(t, at)).collect();
        let word = self.trace.push(Opcode::call_r, &words, Some(descr)).expect("call_r has a result");
        self.frame.stack.truncate(self.frame.stack.len() - n);
        self.frame.stack.push(Tracked { value: word, concrete: Concrete::Tuple(self.made_tuples.len()) });
        self.made_tuples.push(items);
        Ok(())
    }

    /// `UNPACK_SEQUENCE_TUPLE` of an exact tuple of `n` items.
    fn record_unpack_tuple(&mut self, at: usize, n: usize) -> Step<()> {
        let t = self.peek(1)?;
        if let Concrete::Tuple(made) = t.concrete {
            if self.made_tuples[made].len() != n {
                return abort("UNPACK_SEQUENCE_TUPLE of a tuple of another length");
            }
            let items = self.made_tuples[made].clone();
            self.pop()?;
            self.frame.stack.extend(items.into_iter().rev());
            return Ok(());
        }
        let Concrete::Ref(tuple) = t.concrete else { return abort("UNPACK_SEQUENCE_TUPLE of a number") };
        let tuple_class = self.vm.types.tuple;
        let Some(items) = tuple.downcast::<PyTuple>().filter(|_| self.vm.is_exact(tuple, tuple_class)) else {
            return abort("UNPACK_SEQUENCE_TUPLE of another object");
        };
        if items.len() != n {
            return abort("UNPACK_SEQUENCE_TUPLE of a tuple of another length");
        }
        self.guard_class(t.value, tuple_class, at);
        let len = self.trace.push(Opcode::arraylen_gc, &[t.value], Some(self.descrs.tuple_items));
        let expected = self.trace.const_int(n as i64);
        self.guard(Opcode::guard_value, &[len.expect("arraylen_gc has a result"), expected], at);
        // (Every guard above and in `item` resumes before the instruction,
        // with the tuple still on the stack: pop it only at the end.)
        let mut unpacked = Vec::with_capacity(n);
        for (i, &item) in items.as_slice().iter().enumerate() {
            let index = self.trace.const_int(i as i64);
            let word = self.trace.push(Opcode::getarrayitem_gc_r, &[t.value, index], Some(self.descrs.tuple_items));
            unpacked.push(self.item(word.expect("getarrayitem_gc_r has a result"), Concrete::of(self.vm, item), at));
        }
        self.pop()?;
        self.frame.stack.extend(unpacked.into_iter().rev());
        Ok(())
    }

    /// `LOAD_GLOBAL`: the value is a constant under an [`Assumption`], or,
    /// with `Options::dynamic_globals`, looked up on every iteration and
    /// guarded (see `known_value`).
    fn record_load_global(&mut self, at: usize, arg: u32) -> Step<()> {
        let (globals, builtins) = (self.frame.globals, self.frame.builtins);
        let Some(name) = self.frame.code.names[(arg >> 1) as usize].downcast::<PyStr>() else {
            return abort("LOAD_GLOBAL of a name that is not a str");
        };
        let Some(v) = lookup_global(globals, builtins, name) else {
            return abort("LOAD_GLOBAL of an undefined name");
        };
        let value = if self.options.dynamic_globals {
            let args = [
                self.trace.constant(Const::Ptr(globals.value().to_bits())),
                self.trace.constant(Const::Ptr(builtins.value().to_bits())),
                self.trace.constant(Const::Ptr(name.value().to_bits())),
            ];
            let word = self.trace.push(Opcode::call_r, &args, Some(self.descrs.global_value));
            self.known_value(word.expect("call_r has a result"), v, at)
        } else {
            self.assume(Assumption::global(globals, builtins, name, v));
            self.constant(v)
        };
        if arg & 1 != 0 {
            let null = self.trace.constant(Const::Ptr(0));
            self.frame.stack.push(Tracked { value: null, concrete: Concrete::Ref(PyValue::NULL) });
        }
        self.frame.stack.push(value);
        Ok(())
    }

    /// `LOAD_ATTR_INSTANCE`: the attribute's slot read in compiled code,
    /// under guards on the object's class and map.
    fn record_load_attr_instance(&mut self, at: usize, arg: u32) -> Step<()> {
        let t = self.peek(1)?;
        let Concrete::Ref(object) = t.concrete else { return abort("LOAD_ATTR_INSTANCE of a number") };
        let name = self.frame.code.names[arg as usize];
        if let Some(value) = self.forwarded(t.value, name) {
            self.pop()?;
            self.frame.stack.push(value);
            return Ok(());
        }
        let site = self.site_at(at);
        let Some(slot) = specialize::instance_slot(self.vm, site, object) else {
            return abort("LOAD_ATTR_INSTANCE misses its cache");
        };
        let concrete = match self.stored(object, name) {
            Some(c) => c,
            None => match specialize::cached_instance_attr(self.vm, site, object) {
                Some(v) => Concrete::of(self.vm, v),
                None => return abort("LOAD_ATTR_INSTANCE of an unset slot"),
            },
        };
        let (base, descr) = self.attribute_field(t.value, object, slot, at)?;
        let word = self.trace.push(Opcode::getfield_gc_r, &[base], Some(descr)).expect("getfield_gc_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        let value = self.item(word, concrete, at);
        self.pop()?;
        self.frame.stack.push(value);
        Ok(())
    }

    /// `STORE_ATTR_INSTANCE` into an attribute the object already has: its
    /// slot written in compiled code, under guards on the object's class
    /// and map.
    fn record_store_attr_instance(&mut self, at: usize, arg: u32) -> Step<()> {
        let (owner, value) = (self.peek(1)?, self.peek(2)?);
        let Concrete::Ref(object) = owner.concrete else { return abort("STORE_ATTR_INSTANCE on a number") };
        let name = self.frame.code.names[arg as usize];
        let site = self.site_at(at);
        let Some(slot) = specialize::store_slot(self.vm, site, object) else {
            return abort("STORE_ATTR_INSTANCE that adds an attribute or misses its cache");
        };
        let (base, descr) = self.attribute_field(owner.value, object, slot, at)?;
        let word = self.boxed(value, at);
        self.trace.push(Opcode::setfield_gc, &[base, word], Some(descr));
        self.stores.push(((object, name), value.concrete));
        self.forward(owner.value, name, value);
        self.frame.stack.truncate(self.frame.stack.len() - 2);
        Ok(())
    }

    /// Where compiled code finds attribute `slot` of `object` (the trace
    /// value `owner`): the value to load from or store to and the field,
    /// under the guards of [`Recorder::guard_shape`].
    fn attribute_field(&mut self, owner: Value, object: PyValue, slot: usize, at: usize) -> Step<(Value, DescrId)> {
        let Some(area) = self.guard_shape(owner, object, at)? else {
            return abort("an attribute of an object with no attribute area");
        };
        match InstanceAttrs::value_place(slot) {
            ValuePlace::Inline(offset) => Ok((owner, self.word(area + offset)?)),
            ValuePlace::Overflow(offset) => {
                let descr = self.word(area + InstanceAttrs::OVERFLOW_OFFSET)?;
                let buffer = self.trace.push(Opcode::getfield_gc_r, &[owner], Some(descr));
                Ok((buffer.expect("getfield_gc_r has a result"), self.word(offset)?))
            }
        }
    }

    /// Guard that `object` (the trace value `owner`) still has the class
    /// and the map it has now: what says where its attributes are and
    /// which names of its class they shadow. The class's version becomes
    /// an assumption. The offset of the object's attribute area, if it has
    /// one.
    fn guard_shape(&mut self, owner: Value, object: PyValue, at: usize) -> Step<Option<usize>> {
        self.guard_class_version(owner, object, at)?;
        let Some(header) = object.header() else { return Ok(None) };
        let Some(attrs) = header.attrs() else { return Ok(None) };
        let area = header.layout().attrs_offset;
        let map = attrs.map.get();
        if !map.is_null() && map.downcast::<PyMap>().is_none() {
            return abort("an attribute of an object that has a __dict__");
        }
        let descr = self.word(area + InstanceAttrs::MAP_OFFSET)?;
        let current = self.trace.push(Opcode::getfield_gc_r, &[owner], Some(descr));
        let current = current.expect("getfield_gc_r has a result");
        if map.is_null() {
            self.guard(Opcode::guard_isnull, &[current], at);
        } else {
            let expected = self.trace.constant(Const::Ptr(map.to_bits()));
            self.guard(Opcode::guard_value, &[current, expected], at);
            self.constants.push(map);
        }
        Ok(Some(area))
    }

    /// Guard that `object` (the trace value `owner`) still has its class,
    /// whose version becomes an assumption.
    fn guard_class_version(&mut self, owner: Value, object: PyValue, at: usize) -> Step<()> {
        let class = self.vm.class_of(object);
        let version = class.current_version();
        if version == 0 {
            return abort("an attribute of an object whose class has no version");
        }
        self.guard_class(owner, class, at);
        self.assume(Assumption::ClassVersion { class, version });
        Ok(())
    }

    /// `LOAD_ATTR_SLOT` of a `__slots__` member kept in the object (one of
    /// the first `INLINE_ATTRIBUTES` places): a load under a guard on the
    /// class, whose version is an assumption, and one that it is set.
    fn record_load_attr_slot(&mut self, at: usize) -> Step<()> {
        let t = self.peek(1)?;
        let Concrete::Ref(object) = t.concrete else { return abort("LOAD_ATTR_SLOT of a number") };
        let site = self.site_at(at);
        let (Some(index), Some(value)) =
            (specialize::slot_index(self.vm, site, object), specialize::cached_slot(self.vm, site, object))
        else {
            return abort("LOAD_ATTR_SLOT misses its cache or reads an unset member");
        };
        let Some(area) = object.header().map(|h| h.layout().attrs_offset).filter(|&a| a != 0) else {
            return abort("LOAD_ATTR_SLOT of an object with no attribute area");
        };
        let ValuePlace::Inline(offset) = InstanceAttrs::value_place(index) else {
            return abort("LOAD_ATTR_SLOT of a member past the inline places");
        };
        self.guard_class_version(t.value, object, at)?;
        let descr = self.word(area + offset)?;
        let word = self.trace.push(Opcode::getfield_gc_r, &[t.value], Some(descr)).expect("getfield_gc_r has a result");
        self.guard(Opcode::guard_nonnull, &[word], at);
        let value = self.item(word, Concrete::of(self.vm, value), at);
        self.pop()?;
        self.frame.stack.push(value);
        Ok(())
    }

    /// Rely on `assumption` (see `crate::assumptions`).
    fn assume(&mut self, assumption: Assumption) {
        assumptions::add(&mut self.assumptions, assumption);
    }

    /// The field descriptor of the word `offset` bytes into an object.
    fn word(&self, offset: usize) -> Step<DescrId> {
        match self.descrs.word(offset) {
            Some(descr) => Ok(descr),
            None => abort("an attribute too far into its object"),
        }
    }

    /// A constant of the code (or a default, or a cell): a small int or a
    /// float unboxed, anything else an object constant (which the caller
    /// keeps alive).
    fn constant(&mut self, c: PyValue) -> Tracked {
        if let Some(i) = c.as_small_int() {
            Tracked { value: self.trace.const_int(i << 1), concrete: Concrete::Int(i) }
        } else if let Some(f) = float::exact_f64(self.vm, c) {
            Tracked { value: self.trace.constant(Const::Float(f)), concrete: Concrete::Float(f) }
        } else {
            Tracked { value: self.trace.constant(Const::Ptr(c.to_bits())), concrete: Concrete::Ref(c) }
        }
    }
}
