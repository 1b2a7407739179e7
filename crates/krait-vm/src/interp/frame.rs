//! Frames and the value stack.
//!
//! All frames of a thread live in one contiguous value stack (`ThreadState::
//! stack`), allocated once and never moved, so that raw pointers into it stay
//! valid. A frame occupies
//!
//! ```text
//!   base                    stack_base                 stack_base + max_stack
//!   | localsplus (locals, cells, frees) | operand stack ...          |
//! ```
//!
//! and its bookkeeping (`Frame`) sits in `ThreadState::frames`. A call from
//! Python to Python pushes a `Frame` and continues in the same interpreter
//! loop; nothing is allocated on the heap and the Rust stack does not grow.
//! A frame becomes a heap object (`PyFrame`) only when observed: by a
//! traceback, `sys._getframe`, or a generator, which keeps a copy of its
//! frame's slots while suspended.
//!
//! ## GC
//!
//! The localsplus slots of every frame always hold valid values or NULL and
//! are traced precisely. The operand stacks are scanned conservatively over
//! their whole `max_stack` extent: the interpreter keeps the stack pointer in
//! a register and does not clear popped slots, so a slot above the live top
//! may be stale, and the conservative check (does this word point at an
//! allocated object?) makes that harmless.

use crate::gc::Tracer;
use crate::object::Gc;
use crate::types::dict::PyDict;
use crate::types::function::PyCode;
use crate::value::Value;

/// Values in a thread's value stack (64 MiB of address space; the OS commits
/// pages only when touched).
pub const STACK_CAPACITY: usize = 8 << 20;

/// The most frames a thread can have; `frames` is allocated once with this
/// capacity so that the interpreter may hold a pointer to the current frame.
pub const MAX_FRAMES: usize = 100_000;

/// The value stack, all NULL, from zeroed memory (so the pages are committed
/// only as the stack grows).
fn zeroed_stack() -> Box<[Value]> {
    let layout = std::alloc::Layout::array::<Value>(STACK_CAPACITY).expect("stack layout");
    // SAFETY: the layout is non-zero; an all-zero word is `Value::NULL`, so
    // the zeroed memory is a valid `[Value]`, owned by the returned box.
    unsafe {
        let ptr = std::alloc::alloc_zeroed(layout) as *mut Value;
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, STACK_CAPACITY))
    }
}

pub struct Frame {
    pub code: Gc<PyCode>,
    /// The function being run, or NULL (module, class body, exec).
    pub func: Value,
    pub globals: Gc<PyDict>,
    pub builtins: Gc<PyDict>,
    /// The locals mapping for code that is not `OPTIMIZED`, else NULL.
    pub locals: Value,
    /// Index of the first localsplus slot.
    pub base: usize,
    /// Index of the first operand stack slot.
    pub stack_base: usize,
    /// The operand stack top (saved when the frame is not running).
    pub sp: usize,
    /// The code-unit index of the next instruction.
    pub ip: usize,
    /// The code-unit index of the instruction being run (for tracebacks).
    pub lasti: usize,
    /// The interpreter loop that runs this frame returns when it returns.
    pub is_entry: bool,
    /// The generator, coroutine or async generator this frame belongs to, or NULL.
    pub generator: Value,
    /// The `PyFrame` object made for this frame, if any was.
    pub frame_object: Value,
    /// An `__init__` run by `CALL_PY_INIT`: its return pushes the instance.
    pub returns_self: bool,
}

pub struct ThreadState {
    pub stack: Box<[Value]>,
    pub frames: Vec<Frame>,
    /// Frames pushed so far, wrapping (`jit_hooks::frames_pushed`).
    pub frames_pushed: u64,
    /// The native stack address where the innermost active run of the
    /// interpreter loop begins (0 outside the loop).
    pub(crate) native_entry: usize,
}

impl ThreadState {
    pub fn new() -> ThreadState {
        ThreadState { stack: zeroed_stack(), frames: Vec::with_capacity(MAX_FRAMES), frames_pushed: 0, native_entry: 0 }
    }

    /// Where the next frame's localsplus would start.
    pub fn next_base(&self) -> usize {
        match self.frames.last() {
            Some(f) => f.sp,
            None => 0,
        }
    }

    pub(crate) fn trace(&self, tracer: &mut Tracer) {
        for frame in &self.frames {
            tracer.mark_all(&[
                frame.code.value(),
                frame.func,
                frame.globals.value(),
                frame.builtins.value(),
                frame.locals,
                frame.generator,
                frame.frame_object,
            ]);
            tracer.mark_all(&self.stack[frame.base..frame.stack_base]);
        }
    }

    /// Clear the slots above the top frame's stack top, up to the end of
    /// every frame's operand stack: they are stale (every live slot of
    /// every frame is below the top frame's saved `sp`), and a stale copy
    /// of a pointer would keep its object alive through the conservative
    /// scan. Only valid at a call boundary — `gc.collect()` — where the
    /// running instruction has nothing above its saved `sp`.
    pub(crate) fn clear_stale_slots(&mut self) {
        let Some(top) = self.frames.last().map(|f| f.sp) else { return };
        let end = self
            .frames
            .iter()
            .map(|f| f.stack_base + f.code.code.max_stack as usize)
            .max()
            .unwrap_or(top)
            .min(self.stack.len());
        if top < end {
            self.stack[top..end].fill(Value::NULL);
        }
    }

    /// The operand stack regions, for the conservative scan: each frame's
    /// live slots (below its saved top) and the stale ones above.
    pub(crate) fn operand_regions(&self) -> impl Iterator<Item = (&[Value], &[Value])> {
        self.frames.iter().map(|frame| {
            let end = (frame.stack_base + frame.code.code.max_stack as usize).min(self.stack.len());
            let top = frame.sp.clamp(frame.stack_base, end);
            (&self.stack[frame.stack_base..top], &self.stack[top..end])
        })
    }
}
