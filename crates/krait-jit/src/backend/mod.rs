//! The Cranelift backend: a trace becomes one native function.
//!
//! ## The calling convention
//!
//! A compiled trace is `extern "C" fn(frame: *mut u64, ctx: *mut JitContext)
//! -> u32`. It reads its input arguments from `frame[0..n]` (floats as their
//! bits, refs as addresses), runs, and leaves through an **exit**: it writes
//! the exit's values to `frame[0..]` and returns the exit's number. A guard's
//! exit values are its fail arguments ([`crate::ir::ResumeStore::fail_args`]),
//! which [`crate::ir::resume::rebuild`] turns back into interpreter frames; a
//! `finish` exit's values are its operands. Exit numbers are unique within a
//! [`Backend`], which keeps an [`ExitInfo`] for each (which trace, which op,
//! the types of the values written).
//!
//! ## Loops
//!
//! A `label` becomes a Cranelift block whose parameters are the label's
//! values, and a `jump` a branch to it with the new values: the loop runs in
//! registers, never touching the frame buffer until it leaves. A trace
//! without a label loops back to a block that takes its inputs.
//!
//! ## Bridges
//!
//! Each guard exits through a slot of the trace's **bridge table** (one
//! machine word per guard, zero until patched, next to a count of the
//! guard's failures that the exit path increments, so the VM knows which
//! guards deserve a bridge). The cold exit path writes the
//! fail arguments to the frame, then loads the slot: if it holds a function,
//! it calls it with the same frame and context and returns what it returns;
//! otherwise it returns the guard's exit number. A bridge is simply another
//! compiled trace whose input arguments are the guard's fail arguments, so
//! attaching it ([`Backend::attach_bridge`]) is one store into the slot. We
//! chose the indirect call over patching the guard's branch in place because
//! it needs no code patching (Cranelift's JIT memory is mapped read-execute
//! once finalised) and the extra load only happens on the cold path. The
//! cost is a native stack frame per bridge level, which is bounded by the
//! depth of bridge chains.
//!
//! A bridge that goes back into a loop ends in a label-less `jump`
//! ([`crate::ir::Trace::loop_target`], compiled by
//! [`Backend::compile_bridge`]) to one of the loop's two entries
//! ([`LoopEntry`]): its **preamble** (the trace's start, taking the trace's
//! inputs: always possible, at the price of running the invariant work
//! once more) or its **label** (taking the label's values, extra invariant
//! values included, which the bridge must then compute: PyPy's "short
//! preamble"). The bridge writes the values to the frame and returns an
//! [`ExitKind::Jump`] exit, and the dispatcher ([`Backend::execute`]) enters
//! the loop there. Returning to the dispatcher instead of calling the loop
//! keeps the native stack flat however often the loop and the bridge
//! alternate. Both entries are one function: its first block tests the
//! context's `label_entry` word (set by the dispatcher) and either starts
//! the trace or loads the label's values and jumps to the label's block,
//! so a loop is compiled once.
//!
//! ## Other choices
//!
//! - `guard_not_invalidated` reads the trace's own invalidation word
//!   ([`CompiledTrace::invalidate`] sets it); the word's address is a
//!   constant in the code.
//! - `int_*_ovf` use Cranelift's `sadd_overflow`/`ssub_overflow`/
//!   `smul_overflow`; the following guard branches on the overflow flag.
//! - Calls are indirect calls to the address in the call descriptor; calls
//!   whose effect class is not `Pure` get the `JitContext` as an implicit
//!   first argument (see [`JitContext`]).
//! - All code lives in one `JITModule` owned by the [`Backend`]; compiled
//!   traces stay valid as long as it lives.

mod context;
mod lower;

pub use context::{AllocFn, JitContext};

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use cranelift_codegen::settings::{self, Configurable};
use cranelift_jit::{JITBuilder, JITModule};

use rustc_hash::FxHashMap;

use crate::ir::{SnapshotId, Trace, Type};

/// The signature of compiled code (see the module documentation).
pub type TraceFn = unsafe extern "C" fn(*mut u64, *mut JitContext) -> u32;

/// What kind of exit an exit number is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// A guard failed; rebuild the interpreter state from its snapshot.
    Guard(SnapshotId),
    /// The trace finished.
    Finish,
    /// A bridge enters the loop of the compiled trace with this number, at
    /// this entry; the words written are the entry's values
    /// ([`Backend::execute`] follows it).
    Jump(u32, LoopEntry),
}

/// Where a bridge enters a loop (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopEntry {
    /// The trace's start: the bridge passes the loop trace's inputs.
    Preamble,
    /// The loop label: the bridge passes the label's values.
    Label,
}

/// One exit of a compiled trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExitInfo {
    /// The compiled trace's number within the backend.
    pub trace: u32,
    /// The index of the op in the trace.
    pub op: usize,
    /// Guard or finish.
    pub kind: ExitKind,
    /// The types of the words written to the frame.
    pub types: Vec<Type>,
    /// For a guard, its index in the trace's bridge table.
    pub bridge_slot: Option<usize>,
}

/// A failure to compile.
#[derive(Debug)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "compile error: {}", self.0)
    }
}

impl std::error::Error for CompileError {}

/// The per-guard words compiled code reads and writes on a guard's exit
/// path: the attached bridge (0 for none) and how often the guard failed.
#[repr(C)]
#[derive(Debug, Default)]
pub struct GuardSlot {
    /// The bridge's entry point, or 0.
    pub bridge: AtomicU64,
    /// How many times the guard failed (bridge or not).
    pub failures: AtomicU64,
}

impl GuardSlot {
    /// Byte offset of `bridge`.
    pub const BRIDGE: i32 = 0;
    /// Byte offset of `failures`.
    pub const FAILURES: i32 = 8;
}

/// A compiled trace.
#[derive(Debug)]
pub struct CompiledTrace {
    /// The trace's number within the backend.
    pub number: u32,
    entry: TraceFn,
    /// The exit numbers of the trace's guards, in op order.
    pub guard_exits: Vec<u32>,
    /// The exit numbers of the trace's `finish` ops, in op order.
    pub finish_exits: Vec<u32>,
    /// How many words this trace alone reads and writes in the frame buffer
    /// (bridges may need more: see [`Backend::frame_size`]).
    pub frame_size: usize,
    /// The largest frame of any trace of the backend (bridges included).
    backend_frame_size: Arc<AtomicUsize>,
    /// The input types.
    pub input_types: Vec<Type>,
    /// Whether bridges can enter it at its loop label (loops only).
    has_label: bool,
    /// The loop label's types (empty when the trace has no label).
    pub label_types: Vec<Type>,
    bridges: Box<[GuardSlot]>,
    invalidated: Box<AtomicU64>,
}

impl CompiledTrace {
    /// The entry point.
    pub fn entry(&self) -> TraceFn {
        self.entry
    }

    /// Run the trace.
    ///
    /// # Safety
    ///
    /// The inputs in `frame` must be valid for the trace's ops (object
    /// pointers it dereferences point to objects with the descriptors'
    /// layout), `ctx.alloc` must be set if the trace allocates, and the
    /// backend that compiled the trace must still live.
    pub unsafe fn run(&self, frame: &mut [u64], ctx: &mut JitContext) -> u32 {
        // Any bridge attached to a guard (or to a bridge's guard) runs on the
        // same buffer, so it must hold the largest frame of the backend.
        let need = self.backend_frame_size.load(Ordering::Acquire);
        assert!(frame.len() >= need, "frame buffer of {} words, need {need}", frame.len());
        ctx.label_entry = 0;
        // SAFETY: the frame is large enough for every read and write the
        // code does (checked above); the rest is the caller's contract.
        unsafe { (self.entry)(frame.as_mut_ptr(), ctx) }
    }

    /// How many times the guard with this exit number failed (`None` if it
    /// is not a guard of this trace). PyPy compiles a bridge after 200.
    pub fn guard_failures(&self, exit: u32) -> Option<u64> {
        let slot = self.guard_exits.iter().position(|&e| e == exit)?;
        Some(self.bridges[slot].failures.load(Ordering::Relaxed))
    }

    /// Make every `guard_not_invalidated` of the trace fail from now on.
    pub fn invalidate(&self) {
        self.invalidated.store(1, Ordering::Release);
    }
}

/// Compiles traces into one JIT module.
pub struct Backend {
    module: JITModule,
    exits: Vec<ExitInfo>,
    traces: u32,
    /// The compiled functions, by trace number.
    entries: FxHashMap<u32, TraceFn>,
    /// By exit number: the loop an [`ExitKind::Jump`] exit enters, and
    /// where (resolved when its bridge is compiled, for
    /// [`Backend::execute`]).
    jumps: Vec<Option<(TraceFn, LoopEntry)>>,
    /// The largest frame any compiled trace needs.
    frame_size: Arc<AtomicUsize>,
}

impl Backend {
    /// A backend for the host machine.
    pub fn new() -> Result<Backend, CompileError> {
        let mut flags = settings::builder();
        let set = |flags: &mut settings::Builder, name: &str, value: &str| {
            flags.set(name, value).map_err(|e| CompileError(format!("{name}: {e}")))
        };
        set(&mut flags, "opt_level", "speed")?;
        // The IR verifier runs on every function compiled (it is on by
        // default): keep it for debug builds and tests.
        set(&mut flags, "enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" })?;
        set(&mut flags, "use_colocated_libcalls", "false")?;
        set(&mut flags, "is_pic", "false")?;
        let isa = cranelift_native::builder()
            .map_err(|e| CompileError(e.to_string()))?
            .finish(settings::Flags::new(flags))
            .map_err(|e| CompileError(e.to_string()))?;
        let builder = JITBuilder::with_isa(isa, cranelift_module::default_libcall_names());
        Ok(Backend {
            module: JITModule::new(builder),
            exits: Vec::new(),
            traces: 0,
            entries: FxHashMap::default(),
            jumps: Vec::new(),
            frame_size: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// How many words a frame buffer must hold to run any trace of this
    /// backend (a trace's bridges write their own exits to the same buffer).
    pub fn frame_size(&self) -> usize {
        self.frame_size.load(Ordering::Acquire)
    }

    /// What an exit number means.
    pub fn exit(&self, number: u32) -> &ExitInfo {
        &self.exits[number as usize]
    }

    /// Compile a (verified) trace that does not enter another loop.
    pub fn compile(&mut self, trace: &Trace) -> Result<CompiledTrace, CompileError> {
        if trace.loop_target.is_some() {
            return Err(CompileError("a trace that enters a loop is compiled with compile_bridge".into()));
        }
        self.compile_trace(trace, None)
    }

    /// Compile a bridge whose label-less `jump` enters the loop of `target`
    /// at `entry`.
    pub fn compile_bridge(
        &mut self,
        trace: &Trace,
        target: &CompiledTrace,
        entry: LoopEntry,
    ) -> Result<CompiledTrace, CompileError> {
        let takes = match entry {
            LoopEntry::Preamble => Some(&target.input_types),
            LoopEntry::Label => target.has_label.then_some(&target.label_types),
        };
        if takes.is_none() || trace.loop_target.as_ref() != takes {
            return Err(CompileError(format!(
                "the bridge passes {:?}; the {entry:?} entry of trace {} takes {takes:?}",
                trace.loop_target, target.number
            )));
        }
        self.compile_trace(trace, Some((target.number, entry)))
    }

    fn compile_trace(
        &mut self,
        trace: &Trace,
        loop_target: Option<(u32, LoopEntry)>,
    ) -> Result<CompiledTrace, CompileError> {
        crate::ir::verify(trace).map_err(|e| CompileError(e.to_string()))?;
        let number = self.traces;
        self.traces += 1;
        let guards = trace.count_guards();
        let bridges: Box<[GuardSlot]> = (0..guards).map(|_| GuardSlot::default()).collect();
        let invalidated = Box::new(AtomicU64::new(0));
        let plan = lower::ExitPlan::new(trace, number, self.exits.len() as u32, loop_target);
        let frame_size = plan.frame_size(trace);
        let shared = lower::Shared { plan: &plan, bridges: &bridges, invalidated: &invalidated, number };
        let func = lower::compile(&mut self.module, trace, &shared)?;
        let label = trace.loop_label();
        self.module.finalize_definitions().map_err(|e| CompileError(e.to_string()))?;
        // SAFETY: the function was built with exactly `TraceFn`'s signature
        // (two pointer-sized parameters, an i32 result, the C convention).
        let entry = unsafe { std::mem::transmute::<*const u8, TraceFn>(self.module.get_finalized_function(func)) };
        self.entries.insert(number, entry);
        self.frame_size.fetch_max(frame_size, Ordering::AcqRel);
        let (guard_exits, finish_exits) = plan.numbers();
        for exit in &plan.exits {
            let jump = match exit.kind {
                ExitKind::Jump(target, at) => Some((self.entries[&target], at)),
                _ => None,
            };
            self.jumps.push(jump);
        }
        self.exits.extend(plan.exits);
        Ok(CompiledTrace {
            number,
            entry,
            guard_exits,
            finish_exits,
            frame_size,
            backend_frame_size: self.frame_size.clone(),
            input_types: trace.inputs.iter().map(|&v| trace.ty(v)).collect(),
            has_label: label.is_some(),
            label_types: label.map_or(Vec::new(), |l| trace.ops[l].args.iter().map(|&v| trace.ty(v)).collect()),
            bridges,
            invalidated,
        })
    }

    /// The dispatcher: run a compiled trace, and whenever a bridge leaves to
    /// enter a loop ([`ExitKind::Jump`]), enter that loop there, until an
    /// exit for the interpreter (a guard without bridge, or a `finish`).
    /// Entering loops from here, not from the bridge's code, keeps the
    /// native stack flat however often bridges and loops alternate.
    ///
    /// # Safety
    ///
    /// As for [`CompiledTrace::run`], for every trace reached.
    pub unsafe fn execute(&self, trace: &CompiledTrace, frame: &mut [u64], ctx: &mut JitContext) -> u32 {
        let need = self.frame_size();
        assert!(frame.len() >= need, "frame buffer of {} words, need {need}", frame.len());
        let (mut entry, mut at) = (trace.entry, LoopEntry::Preamble);
        loop {
            ctx.label_entry = u64::from(at == LoopEntry::Label);
            // SAFETY: the frame holds the largest frame of any trace of this
            // backend (checked above); the rest is the caller's contract.
            let exit = unsafe { entry(frame.as_mut_ptr(), ctx) };
            match self.jumps[exit as usize] {
                Some(jump) => (entry, at) = jump,
                None => return exit,
            }
        }
    }

    /// Attach `bridge` to the guard with exit number `exit` of `parent`: from
    /// now on that guard's failure runs the bridge. The bridge's inputs must
    /// be the guard's fail arguments.
    pub fn attach_bridge(&self, parent: &CompiledTrace, exit: u32, bridge: &CompiledTrace) -> Result<(), CompileError> {
        let info = self.exit(exit);
        let slot = match (info.trace == parent.number, info.bridge_slot) {
            (true, Some(slot)) => slot,
            _ => return Err(CompileError(format!("exit {exit} is not a guard of trace {}", parent.number))),
        };
        if info.types != bridge.input_types {
            return Err(CompileError(format!(
                "bridge takes {:?}, the guard leaves with {:?}",
                bridge.input_types, info.types
            )));
        }
        parent.bridges[slot].bridge.store(bridge.entry as usize as u64, Ordering::Release);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
