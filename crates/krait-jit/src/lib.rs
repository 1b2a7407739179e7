//! krait-jit: Krait's tracing JIT (tier 2), after PyPy's design.
//!
//! A hot loop of the interpreter is recorded into a **trace**: a straight
//! list of typed ops ([`ir`]) with **guards** wherever the interpreter took a
//! decision (a type, a branch, a value). The trace is optimised by a fixed
//! sequence of passes ([`opt`]), compiled to machine code by Cranelift
//! ([`backend`]), and run in place of the interpreter until a guard fails;
//! then the guard's **resume data** rebuilds the interpreter's frames
//! ([`ir::resume`]) and the interpreter continues. The recorder
//! ([`record`]), the driver that plugs into the VM's `JitHooks` ([`driver`])
//! and deoptimisation ([`deopt`]) depend on `krait-vm`; the VM does not
//! depend on this crate, so a JIT-less build works.
//!
//! ## Value words
//!
//! Everything a trace computes is one 64-bit word of type `int` (an i64),
//! `float` (an f64) or `ref` (an opaque object pointer), plus `void` for ops
//! without a result. Unboxing is the point: a Python `int` in a trace is a
//! raw i64 guarded by the recorder and re-boxed only when a guard fails or an
//! object escapes. Operands are `u32` [`ir::Value`]s naming either a value
//! the trace defines or a constant of its pool (`ConstInt`, `ConstFloat`,
//! `ConstPtr`).
//!
//! ## Ops and descriptors
//!
//! Ops are defined once, in the table of [`ir::opcode`] (PyPy's names:
//! `int_add_ovf`, `guard_class`, `getfield_gc_i`, `call_may_force_r`, ...),
//! with their operand and result types and flags (guard, pure, can raise,
//! ...). Memory ops and calls carry a **descriptor** ([`ir::descr`]): a field's
//! offset and type and whether it is immutable; an array's layout; an
//! object's size and class; a call's address, signature and **effect class**:
//! `Pure` (foldable, invalidates nothing), `CanRaise` (may raise, writes only
//! the fields and arrays it lists) or `MayForce` (may run Python code, so it
//! writes anything). The heap cache and loop peeling read the effect class to
//! know what a call can clobber; the backend gives non-pure calls the
//! [`backend::JitContext`] so helpers can raise.
//!
//! ## The text form
//!
//! Traces print and parse ([`ir::printer`], [`ir::parser`]) in PyPy's
//! notation, and [`ir::verify()`] checks their invariants, so optimiser tests
//! are text in, text out:
//!
//! ```text
//! [i0, p1]
//! label(i2, p3)
//! i4 = int_add_ovf(i2, 1)
//! guard_no_overflow() [i2, p3]
//! jump(i4, p3)
//! ```
//!
//! ## The optimiser
//!
//! One module per pass, in the order [`opt::PASSES`] lists: loop peeling
//! (a preamble runs the loop-invariant work once), constant folding,
//! integer bounds, guard elimination, virtuals (allocations removed, objects
//! and constant-sized arrays; a box carried around the loop travels as its
//! fields), the heap cache, CSE and dead-code removal. Each is one walk with
//! a forwarding table; a pass that proves a guard always fails reports an
//! [`opt::InvalidLoop`].
//!
//! ## Resume data
//!
//! Each guard has a snapshot: the chain of interpreter frames (code, index,
//! the value of each local and stack slot) plus the virtual objects and
//! arrays the optimiser removed, which deoptimisation allocates. Frames are interned, so
//! the guards of an inlined call share their outer frames; a snapshot is the
//! id of its innermost frame plus its (usually empty) list of virtuals.
//!
//! ## The exit protocol
//!
//! Compiled code is `extern "C" fn(frame: *mut u64, ctx: *mut JitContext) ->
//! u32`: inputs are read from `frame`, and every exit writes its values (a
//! guard's fail arguments, the distinct values its snapshot mentions in a
//! fixed order, or `finish`'s operands) to `frame` and returns its exit
//! number. Each guard's exit goes through a patchable per-guard slot (which
//! also counts the guard's failures), so a bridge compiled later runs
//! instead of returning; a bridge re-enters a loop through the dispatcher
//! ([`backend::Backend::execute`]) at the loop's preamble or label; see
//! [`backend`].
//!
//! ## The garbage collector
//!
//! Compiled code needs no stack maps: Krait's collector finds roots
//! conservatively on the native stack, and every object pointer a trace
//! holds across a call (an allocation included) is either spilled there by
//! Cranelift (caller-saved registers) or kept in a callee-saved register,
//! which the collector spills before scanning (`krait-vm`'s `gc/stack.rs`). Object constants embedded in code
//! ([`ir::Trace::const_ptrs`]) must be kept alive by the VM for as long as
//! the code lives; the collector does not move objects, so addresses stay
//! valid.
//!
//! ## Testing
//!
//! Each IR piece and pass has text-in, text-out unit tests; the backend's
//! tests run real traces; `tests/pipeline.rs` goes from text to machine code
//! to deoptimisation; `tests/optimizer_fuzz.rs` checks on random loops that
//! optimisation never changes where a trace leaves or the frame and heap it
//! leaves behind, and the backend's ops are checked against the constant
//! folder on awkward operands.

pub mod assumptions;
pub mod backend;
pub mod deopt;
pub mod driver;
pub mod helpers;
pub mod ir;
pub mod opt;
pub mod record;
