//! The VM's side of the boundary with the tracing JIT.
//!
//! The VM does not depend on the JIT (`DESIGN.md`, Tier 2): the JIT plugs in
//! through the [`JitHooks`] trait, installed into [`Vm::jit`] by the binary
//! (`crates/krait` installs `krait-jit`'s implementation unless
//! `KRAIT_JIT=off`). With no hooks installed, the whole cost in the
//! interpreter is one test of `vm.jit.hooks.is_some()` per backward jump, a
//! branch that is always predicted. A backward jump is `JUMP_BACKWARD` or a
//! conditional jump taken backwards (the compiler ends a `while` loop with
//! its test and a backward `POP_JUMP_IF_TRUE`, possibly fused into the
//! comparison before it, or `POP_JUMP_IF_NOT_NONE` for `is not None`); for those the interpreter first compares the
//! target with the jump's own index.
//!
//! ## Hot counters
//!
//! Loops are counted as PyPy's `jitcounter.py` counts them: a fixed table of
//! countdowns indexed by a hash of the loop's *green key*, here the code
//! object and the index of the loop header (the target of the backward
//! jump). Nothing is added to code objects, and two loops that share a slot
//! only make each other hot a little earlier. Each backward jump decrements
//! its slot; when it reaches zero, [`on_backward_jump`] calls
//! [`JitHooks::loop_hot`] with the frame saved (its `ip` is the loop header,
//! its `sp` the operand stack top) and stores the countdown the hook returns:
//! a compiled loop asks for zero, so every later backward jump enters its
//! machine code; a loop whose recording aborted asks for a growing back-off.
//!
//! ## Entering compiled code
//!
//! The hook itself runs the machine code, and when the code leaves (a guard
//! failed) it writes the frame back: locals, operand stack, `sp` and `ip`
//! (the instruction the failing guard protected, which the interpreter then
//! runs generically). It reports whether it did, and the interpreter reloads
//! its registers from the frame. While a hook runs, `vm.jit.hooks` is empty
//! (the hook is taken out to be called with `&mut Vm`), so nothing it does
//! re-enters the JIT.

use crate::interp::eval::YieldSink;
use crate::object::Gc;
use crate::types::function::PyCode;
use crate::vm::Vm;

/// PyPy's default: a loop is traced after this many iterations.
pub const DEFAULT_LOOP_THRESHOLD: u32 = 1039;

/// Slots in the counter table (a power of two).
const COUNTER_SLOTS: usize = 4096;

/// What the JIT did with a hot loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoopOutcome {
    /// Compiled code ran and wrote the frame back: the interpreter must
    /// reload `ip` and `sp` from the frame.
    pub entered: bool,
    /// Backward jumps to this loop header before the hook is called again
    /// (0: on the next one).
    pub countdown: u32,
}

/// The JIT, as the interpreter sees it.
pub trait JitHooks {
    /// The loop whose header is `header` in the top frame of the thread (the
    /// frame is saved: its `ip` is `header`) is hot or has compiled code.
    ///
    /// `sink` is the consumer of the frame's yields when the frame is a
    /// generator's entry frame driven by one (`generator::drive`): compiled
    /// code may hand values to it. If compiled code leaves at a yield the
    /// consumer refused, the hook sets [`JitState::yield_top`] (the value is
    /// on top of the written-back stack) and the interpreter suspends the
    /// generator with it.
    fn loop_hot(
        &mut self,
        vm: &mut Vm,
        code: Gc<PyCode>,
        header: usize,
        sink: Option<&mut YieldSink<'_>>,
    ) -> LoopOutcome;

    /// The program is ending: print statistics if asked to.
    fn finish(&mut self, vm: &mut Vm);
}

/// The JIT slot of the VM: the hooks and the hot counters.
pub struct JitState {
    /// The installed JIT, if any.
    pub hooks: Option<Box<dyn JitHooks>>,
    /// The countdown a loop starts with.
    pub threshold: u32,
    /// Set by the hook: the frame it wrote back must yield the value on
    /// top of its stack now (see [`JitHooks::loop_hot`]).
    pub yield_top: bool,
    counters: Box<[u32]>,
}

impl Default for JitState {
    fn default() -> JitState {
        JitState { hooks: None, threshold: DEFAULT_LOOP_THRESHOLD, yield_top: false, counters: Box::new([]) }
    }
}

impl JitState {
    /// Install a JIT that is called after `threshold` iterations of a loop.
    pub fn install(&mut self, hooks: Box<dyn JitHooks>, threshold: u32) {
        self.threshold = threshold.max(1);
        self.counters = vec![self.threshold; COUNTER_SLOTS].into_boxed_slice();
        self.hooks = Some(hooks);
    }

    /// The counter slot of a loop header.
    fn slot(code: Gc<PyCode>, header: usize) -> usize {
        let key = (code.value().to_bits() >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ header as u64;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (COUNTER_SLOTS - 1)
    }
}

/// A backward jump to `header` in the top frame (saved: `ip` is `header`,
/// `sp` is current), with a JIT installed. Returns whether compiled code ran
/// (the interpreter must then reload its registers from the frame).
#[cold]
#[inline(never)]
pub fn on_backward_jump(vm: &mut Vm, code: Gc<PyCode>, header: usize, sink: Option<&mut YieldSink<'_>>) -> bool {
    let slot = JitState::slot(code, header);
    let Some(counter) = vm.jit.counters.get_mut(slot) else { return false };
    if *counter > 1 {
        *counter -= 1;
        return false;
    }
    let Some(mut hooks) = vm.jit.hooks.take() else { return false };
    let outcome = hooks.loop_hot(vm, code, header, sink);
    vm.jit.hooks = Some(hooks);
    vm.jit.counters[slot] = outcome.countdown;
    outcome.entered
}

/// Tell the installed JIT the program is ending.
pub fn finish(vm: &mut Vm) {
    if let Some(mut hooks) = vm.jit.hooks.take() {
        hooks.finish(vm);
    }
}

/// Keep `v` alive for the rest of the run (a code object whose loop was
/// compiled: its compiled code is keyed by the code object's address).
pub fn keep_alive(vm: &mut Vm, v: crate::value::Value) {
    vm.extra_roots.push(v);
}

/// The top frame of the thread, and the thread's value stack (the frame's
/// locals are `stack[base..stack_base]`, its operand stack
/// `stack[stack_base..sp]`).
pub fn top_frame(vm: &Vm) -> (&crate::interp::frame::Frame, &[crate::value::Value]) {
    let thread = &vm.thread;
    (thread.frames.last().expect("a running frame"), &thread.stack)
}

/// [`top_frame`], to write the frame back.
pub fn top_frame_mut(vm: &mut Vm) -> (&mut crate::interp::frame::Frame, &mut [crate::value::Value]) {
    let thread = &mut vm.thread;
    (thread.frames.last_mut().expect("a running frame"), &mut thread.stack)
}

/// The thread's frames, outermost first, and its value stack.
pub fn frames(vm: &Vm) -> (&[crate::interp::frame::Frame], &[crate::value::Value]) {
    (&vm.thread.frames, &vm.thread.stack)
}

/// Whether `n` more frames may be pushed without reaching the recursion
/// limit (compiled code that inlines calls is entered only then: its
/// guards may have to rebuild that many frames).
pub fn has_room_for_frames(vm: &Vm, n: usize) -> bool {
    let depth = vm.thread.frames.len() + vm.native_depth;
    depth + n < vm.recursion_limit && vm.thread.frames.len() + n < crate::interp::frame::MAX_FRAMES - 1
}

/// Push a frame for a call of `func` that compiled code had inlined, its
/// locals NULL, as a call from the current top frame (which must be saved,
/// in its call); `None` if `func` is not a function or there is no room.
pub fn push_inlined_frame(vm: &mut Vm, func: crate::value::Value) -> Option<()> {
    let func = func.downcast::<crate::types::function::PyFunction>()?;
    let code = func.code();
    let globals = func.globals;
    let builtins = func.builtins;
    crate::interp::call::push_frame(vm, code, func.value(), globals, builtins, crate::value::Value::NULL, false)
        .ok()?;
    Some(())
}

/// [`frames`], to write them back.
pub fn frames_mut(vm: &mut Vm) -> (&mut [crate::interp::frame::Frame], &mut [crate::value::Value]) {
    (&mut vm.thread.frames, &mut vm.thread.stack)
}

/// How many frames the thread has pushed so far (wrapping): a helper that
/// calls back into the VM compares it before and after to learn whether
/// any Python code ran.
pub fn frames_pushed(vm: &Vm) -> u64 {
    vm.thread.frames_pushed
}
