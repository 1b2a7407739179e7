//! The JIT driver: `krait-jit`'s implementation of the VM's `JitHooks`.
//!
//! When the VM reports a hot loop header (`krait_vm::jit_hooks`), the
//! driver looks the loop up by its green key (code object address, header
//! index):
//!
//! - **compiled**: it checks that the frame's slots have the kinds the trace
//!   was compiled for (small int, float, other: `record::Kind`), unboxes them
//!   into the input buffer, runs the machine code (and the bridges attached
//!   to its guards) until a guard without a bridge fails, and writes the
//!   frame back from that guard's resume data ([`crate::deopt`]). A guard
//!   that has failed `BRIDGE_THRESHOLD` times then gets a bridge, recorded
//!   from the frame just written back ([`record::record_bridge`]). It then
//!   asks to be called again at the next backward jump.
//! - **new**: it records one iteration ([`crate::record`]), optimises the
//!   trace ([`crate::opt`]), compiles it ([`crate::backend`]) and enters it
//!   at once (the frame is at the header, as the trace's inputs expect).
//! - **aborted before**: recording is retried after a back-off that doubles
//!   with each abort (up to 2^16 times the threshold), never given up for
//!   good, since a loop may become traceable once its instructions are
//!   quickened.
//!
//! A compiled loop's code object is kept alive for the rest of the run
//! (`jit_hooks::keep_alive`), so its address cannot be reused by another code
//! object while the key is in the table.
//!
//! Configuration, read once by [`install`]: `KRAIT_JIT=off` installs
//! nothing; `KRAIT_JIT_THRESHOLD=N` sets the loop threshold (default 1039);
//! `KRAIT_LOG=jit` (stderr) or `KRAIT_LOG=jit:FILE` logs every trace before
//! and after optimisation, every bridge, and every abort with its reason;
//! `KRAIT_JIT_STATS=1` prints counts at exit, and where the time went.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::time::Instant;

use rustc_hash::FxHashMap;

use krait_vm::interp::eval::YieldSink;
use krait_vm::jit_hooks::{self, JitHooks, LoopOutcome, DEFAULT_LOOP_THRESHOLD};
use krait_vm::object::Gc;
use krait_vm::types::function::PyCode;
use krait_vm::value::Value as PyValue;
use krait_vm::vm::Vm;

use crate::assumptions::Assumption;
use crate::backend::{Backend, CompiledTrace, ExitInfo, ExitKind, JitContext, LoopEntry};
use crate::deopt;
use crate::helpers::VmDescrs;
use crate::ir::{print, Trace};
use crate::opt::optimize_observed;
use crate::record::{self, Kind, Options};

/// A loop's green key: the code object's address and the header's index.
type LoopKey = (u64, usize);

/// A compiled loop.
pub struct CompiledLoop {
    /// The optimised trace (its resume data is read on guard failure).
    pub trace: Trace,
    /// The machine code.
    pub code: CompiledTrace,
    /// The code object the loop is in.
    pub loop_code: Gc<PyCode>,
    /// The kinds of the inputs after the iteration counter: the frame's
    /// locals then its operand stack.
    pub kinds: Vec<Kind>,
    /// The globals and builtins the trace looks names up in
    /// (`record::Recorded`): a frame with others runs interpreted.
    pub globals: PyValue,
    pub builtins: PyValue,
    /// Objects the trace compares against by address (kept alive).
    pub constants: Vec<PyValue>,
    /// What the loop and its bridges rely on, checked on every entry.
    pub assumptions: Vec<Assumption>,
    /// How it was recorded (and its bridges are).
    pub options: Options,
    /// Times entered.
    pub entries: u64,
    /// Iterations completed over all entries.
    pub iterations: u64,
    /// The bridges compiled for its guards (and theirs), in order.
    pub bridges: Vec<Bridge>,
    /// The guards (exit numbers) a bridge was tried for, compiled or not.
    pub bridge_attempts: rustc_hash::FxHashSet<u32>,
    /// How often each guard (exit number) was left through since the last
    /// bridge was attached.
    pub exits: FxHashMap<u32, u64>,
}

/// A bridge: the trace from a guard that failed often back to the loop.
pub struct Bridge {
    pub trace: Trace,
    pub code: CompiledTrace,
}

impl CompiledLoop {
    /// The trace (the loop's or a bridge's) and the code that exit `info`
    /// leaves from.
    fn trace_of(&self, info: &ExitInfo) -> (&Trace, &CompiledTrace) {
        if info.trace == self.code.number {
            return (&self.trace, &self.code);
        }
        let bridge = self.bridges.iter().find(|b| b.code.number == info.trace).expect("an exit of this loop's traces");
        (&bridge.trace, &bridge.code)
    }
}

enum LoopState {
    Compiled(Box<CompiledLoop>),
    /// Not compiled (yet): recording aborted `aborts` times; the next
    /// recording uses `options`.
    Aborted {
        aborts: u32,
        options: Options,
    },
}

/// What the driver counted (`KRAIT_JIT_STATS=1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Loops recorded, optimised and compiled.
    pub compiled: u64,
    /// Recordings (or optimisations or compilations) abandoned.
    pub aborted: u64,
    /// Times compiled code was entered.
    pub entered: u64,
    /// Times compiled code left through a guard.
    pub guard_failures: u64,
    /// Compiled loops put aside because they left too soon after entering.
    pub unprofitable: u64,
    /// Bridges compiled (and attached to their guards).
    pub bridges: u64,
    /// Compiled loops thrown away because an assumption no longer held.
    pub invalidated: u64,
    /// Nanoseconds spent recording loops and bridges...
    pub tracing_nanos: u64,
    /// ... optimising and compiling them...
    pub compiling_nanos: u64,
    /// ... and in compiled code (its exits' write-backs included, the
    /// collections it triggered not).
    pub running_nanos: u64,
}

/// A guard that failed this many times gets a bridge (PyPy's default), or
/// after fewer when the loop threshold is lower (tests trace everything).
const BRIDGE_THRESHOLD: u64 = 200;

/// A compiled loop is judged after this many entries (counted again from
/// zero when a bridge is attached: more than `BRIDGE_THRESHOLD`, so that a
/// guard that fails on every entry gets its bridge first), or after
/// `JUDGE_LATE_AFTER_ENTRIES` while some guard that failed at least
/// `PENDING_BRIDGE_FAILURES` times has not had its bridge tried yet (the
/// exits of a polymorphic loop, such as a scheduler's over tasks of
/// several classes, are spread over several guards, each of which must
/// reach `BRIDGE_THRESHOLD`)...
const JUDGE_AFTER_ENTRIES: u64 = 256;
const JUDGE_LATE_AFTER_ENTRIES: u64 = 2048;
const PENDING_BRIDGE_FAILURES: u64 = 16;
/// ... and put aside if it completed fewer iterations than this per entry
/// on average: a guard that fails on most iterations and gets no bridge
/// (its path leaves the loop, or cannot be recorded) makes every iteration
/// pay for entering and leaving machine code. An entry and exit cost about
/// as much as interpreting half a dozen iterations of a small loop (160 ns
/// against 30 ns on this machine: a loop summing an 8-item list, entered
/// 300k times), which compiled iterations win back only over a dozen or so.
const MIN_ITERATIONS_PER_ENTRY: u64 = 16;

/// Back-offs (in doublings of the threshold) of a loop put aside.
const UNPROFITABLE_BACKOFF: u32 = 12;

/// The JIT.
pub struct Jit {
    descrs: VmDescrs,
    backend: Backend,
    loops: FxHashMap<LoopKey, LoopState>,
    threshold: u32,
    log: Option<Box<dyn Write>>,
    show_stats: bool,
    /// The input/exit buffer of compiled code.
    buffer: Vec<u64>,
    ctx: JitContext,
    /// What happened so far.
    pub stats: Stats,
    /// Where every optimised trace goes, printed, if set (for tests, which
    /// keep a handle on it once the JIT is installed).
    pub trace_sink: Option<Rc<RefCell<Vec<String>>>>,
    /// Where every recorded trace goes, printed before optimisation, if set.
    pub recorded_sink: Option<Rc<RefCell<Vec<String>>>>,
    /// Where [`JitHooks::finish`] reports the statistics, if set (for tests).
    pub stats_sink: Option<Rc<RefCell<Option<Stats>>>>,
    /// When the JIT was made (the start of the time breakdown).
    started: Instant,
}

impl Jit {
    /// A JIT with a loop threshold, logging to `log` if given.
    pub fn new(threshold: u32, log: Option<Box<dyn Write>>, show_stats: bool) -> Result<Jit, String> {
        let backend = Backend::new().map_err(|e| e.0)?;
        Ok(Jit {
            descrs: VmDescrs::new(),
            backend,
            loops: FxHashMap::default(),
            threshold,
            log,
            show_stats,
            buffer: Vec::new(),
            ctx: JitContext::new(),
            stats: Stats::default(),
            trace_sink: None,
            stats_sink: None,
            started: Instant::now(),
            recorded_sink: None,
        })
    }

    fn log(&mut self, text: &str) {
        if let Some(log) = &mut self.log {
            // Logging is best effort: a full disk must not stop the program.
            let _ = log.write_all(text.as_bytes());
        }
    }

    /// Record, optimise and compile the loop at `header`.
    fn compile(
        &mut self,
        vm: &Vm,
        code: Gc<PyCode>,
        header: usize,
        options: Options,
    ) -> Result<Box<CompiledLoop>, String> {
        let name = format!("{}:{header}", code_name(code));
        let started = Instant::now();
        let recorded = record::record(vm, &self.descrs, code, header, options);
        self.stats.tracing_nanos += elapsed_nanos(started);
        let recorded = recorded.map_err(|a| a.0)?;
        let started = Instant::now();
        let compiled = self.optimise_and_compile(recorded, &name, options);
        self.stats.compiling_nanos += elapsed_nanos(started);
        compiled
    }

    fn optimise_and_compile(
        &mut self,
        recorded: record::Recorded,
        name: &str,
        options: Options,
    ) -> Result<Box<CompiledLoop>, String> {
        let mut trace = recorded.trace;
        if self.log.is_some() || self.recorded_sink.is_some() {
            let text = print(&trace);
            self.log(&format!("# jit: loop {name} recorded\n{text}"));
            if let Some(sink) = &self.recorded_sink {
                sink.borrow_mut().push(text);
            }
        }
        crate::ir::verify(&trace).map_err(|e| format!("the recorded trace does not verify: {e:?}"))?;
        optimize_observed(&mut trace, &mut |_, _| {}).map_err(|e| format!("invalid loop: {}", e.reason))?;
        if self.log.is_some() || self.trace_sink.is_some() {
            let text = print(&trace);
            self.log(&format!("# jit: loop {name} optimised\n{text}"));
            if let Some(sink) = &self.trace_sink {
                sink.borrow_mut().push(text);
            }
        }
        let compiled = self.backend.compile(&trace).map_err(|e| e.0)?;
        Ok(Box::new(CompiledLoop {
            trace,
            code: compiled,
            loop_code: recorded.code,
            kinds: recorded.kinds,
            globals: recorded.globals,
            builtins: recorded.builtins,
            constants: recorded.constants,
            assumptions: recorded.assumptions,
            options,
            entries: 0,
            iterations: 0,
            bridges: Vec::new(),
            bridge_attempts: Default::default(),
            exits: Default::default(),
        }))
    }

    /// Run the compiled loop `key` from the top frame if its slots have the
    /// kinds it was compiled for; how many iterations it completed and the
    /// exit it left through, if it ran.
    fn enter(&mut self, vm: &mut Vm, key: LoopKey, sink: Option<&mut YieldSink<'_>>) -> Option<(u64, u32)> {
        let Some(LoopState::Compiled(compiled)) = self.loops.get(&key) else { return None };
        // A loop that yields runs only where there is a consumer.
        if compiled.options.yields && sink.is_none() {
            return None;
        }
        // A failing guard may have to rebuild the frames of inlined calls.
        if !jit_hooks::has_room_for_frames(vm, record::MAX_INLINE_DEPTH) {
            return None;
        }
        let need = self.backend.frame_size().max(compiled.code.frame_size);
        if self.buffer.len() < need {
            self.buffer.resize(need, 0);
        }
        {
            let (frame, values) = jit_hooks::top_frame(vm);
            let slots = &values[frame.base..frame.sp];
            if slots.len() != compiled.kinds.len()
                || !frame.globals.value().is(compiled.globals)
                || !frame.builtins.value().is(compiled.builtins)
            {
                return None;
            }
            for (i, (&kind, &v)) in compiled.kinds.iter().zip(slots).enumerate() {
                match record::unbox(vm, kind, v) {
                    Some(word) => self.buffer[1 + i] = word,
                    None => return None,
                }
            }
        }
        // The iteration counter (`record::Recorded`).
        self.buffer[0] = 0;
        self.stats.entered += 1;
        // (Timed only when the breakdown is shown: reading the clock twice
        // per entry costs as much as a short loop's iterations.)
        let timed = self.show_stats || self.stats_sink.is_some();
        let (started, gc_before) = (timed.then(Instant::now), vm.gc_nanos);
        // The helpers find the VM (and the consumer of yields) here; `vm`
        // is not used until the code returns.
        self.ctx.vm = vm as *mut Vm as *mut std::ffi::c_void;
        self.ctx.sink = sink.map_or(std::ptr::null_mut(), |s| s as *mut YieldSink<'_> as *mut std::ffi::c_void);
        // SAFETY: the inputs have the kinds the trace was recorded with
        // (checked above); the only memory the trace touches is through
        // the helpers, which check their arguments' layouts themselves; what
        // the trace allocates (boxed floats) the collector finds on the
        // native stack; the backend lives in `self`.
        let exit = unsafe { self.backend.execute(&compiled.code, &mut self.buffer, &mut self.ctx) };
        (self.ctx.vm, self.ctx.sink) = (std::ptr::null_mut(), std::ptr::null_mut());
        // (A helper's failure flag: see `helpers`.)
        self.ctx.exception = 0;
        let yield_status = std::mem::take(&mut self.ctx.yield_status);
        let info = self.backend.exit(exit);
        let ExitKind::Guard(snapshot) = info.kind else {
            unreachable!("loops and their bridges leave only through guards")
        };
        self.stats.guard_failures += 1;
        let (trace, _) = compiled.trace_of(info);
        let iterations = deopt::write_back(vm, trace, snapshot, &self.buffer);
        if let Some(started) = started {
            self.stats.running_nanos += elapsed_nanos(started).saturating_sub(vm.gc_nanos - gc_before);
        }
        // A failed yield (`record::Recorder::record_yield`) resumes after
        // the yield with the value on the stack.
        match yield_status {
            JitContext::YIELD_RAN_PYTHON => {
                let none = vm.none();
                let (frame, values) = jit_hooks::top_frame_mut(vm);
                values[frame.sp - 1] = none;
            }
            JitContext::YIELD_REFUSED => vm.jit.yield_top = true,
            _ => self.consider_bridge(vm, key, exit),
        }
        Some((iterations, exit))
    }

    /// After guard `exit` of loop `key` failed and the frame was written
    /// back: if the guard has failed often enough, record a bridge from
    /// here to the loop's header, compile it, and attach it to the guard
    /// (once per guard: a guard whose bridge aborts keeps exiting).
    fn consider_bridge(&mut self, vm: &mut Vm, key: LoopKey, exit: u32) {
        let Some(LoopState::Compiled(compiled)) = self.loops.get_mut(&key) else { return };
        let info = self.backend.exit(exit);
        let ExitKind::Guard(snapshot) = info.kind else { return };
        let failures = compiled.trace_of(info).1.guard_failures(exit).unwrap_or(0);
        if failures < BRIDGE_THRESHOLD.min(u64::from(self.threshold)) || !compiled.bridge_attempts.insert(exit) {
            return;
        }
        let (parent, parent_code) = compiled.trace_of(info);
        let code = compiled.loop_code;
        let loop_types = compiled.code.input_types.clone();
        let started = Instant::now();
        let recorded =
            record::record_bridge(vm, &self.descrs, (code, key.1), parent, snapshot, &loop_types, compiled.options);
        self.stats.tracing_nanos += elapsed_nanos(started);
        let started = Instant::now();
        let result = recorded.map_err(|a| a.0).and_then(|recorded| {
            let record::RecordedBridge { mut trace, constants, assumptions } = recorded;
            crate::ir::verify(&trace).map_err(|e| format!("the recorded bridge does not verify: {e:?}"))?;
            optimize_observed(&mut trace, &mut |_, _| {}).map_err(|e| format!("invalid bridge: {}", e.reason))?;
            let bridge = self.backend.compile_bridge(&trace, &compiled.code, LoopEntry::Preamble).map_err(|e| e.0)?;
            self.backend.attach_bridge(parent_code, exit, &bridge).map_err(|e| e.0)?;
            Ok((trace, bridge, constants, assumptions))
        });
        self.stats.compiling_nanos += elapsed_nanos(started);
        let name = format!("{}:{}", code_name(code), key.1);
        match result {
            Ok((trace, bridge, constants, assumptions)) => {
                self.stats.bridges += 1;
                if self.log.is_some() {
                    self.log(&format!("# jit: bridge from exit {exit} of loop {name}\n{}", print(&trace)));
                }
                keep_alive(vm, &constants, &assumptions);
                let Some(LoopState::Compiled(compiled)) = self.loops.get_mut(&key) else { return };
                assumptions.into_iter().for_each(|a| crate::assumptions::add(&mut compiled.assumptions, a));
                compiled.bridges.push(Bridge { trace, code: bridge });
                (compiled.entries, compiled.iterations) = (0, 0);
                compiled.exits.clear();
            }
            Err(reason) => {
                if self.log.is_some() {
                    self.log(&format!("# jit: bridge from exit {exit} of loop {name} aborted: {reason}\n"));
                }
            }
        }
    }
}

impl Jit {
    /// Enter the compiled loop `key`, and put it aside (it is recorded again
    /// after a long back-off) if it keeps leaving too soon.
    fn enter_and_judge(
        &mut self,
        vm: &mut Vm,
        code: Gc<PyCode>,
        key: LoopKey,
        sink: Option<&mut YieldSink<'_>>,
    ) -> LoopOutcome {
        let Some(LoopState::Compiled(compiled)) = self.loops.get_mut(&key) else { unreachable!("a compiled loop") };
        if let Some(broken) = compiled.assumptions.iter_mut().find_map(|a| (!a.holds()).then_some(*a)) {
            let options = Options { dynamic_globals: true, ..compiled.options };
            // Thrown away, and recorded again later reading globals on
            // every iteration (see `crate::assumptions`).
            self.stats.invalidated += 1;
            if self.log.is_some() {
                let (name, header) = (code_name(code), key.1);
                self.log(&format!("# jit: loop {name}:{header} invalidated: {broken:?} no longer holds\n"));
            }
            self.loops.insert(key, LoopState::Aborted { aborts: 0, options });
            return LoopOutcome { entered: false, countdown: self.threshold };
        }
        let Some((iterations, exit)) = self.enter(vm, key, sink) else {
            // The frame's kinds differ from the trace's: try again later.
            return LoopOutcome { entered: false, countdown: self.threshold };
        };
        let Some(LoopState::Compiled(compiled)) = self.loops.get_mut(&key) else { unreachable!("the loop just ran") };
        compiled.entries += 1;
        compiled.iterations += iterations;
        *compiled.exits.entry(exit).or_default() += 1;
        let (entries, total, options) = (compiled.entries, compiled.iterations, compiled.options);
        let judge_after = if entries < JUDGE_LATE_AFTER_ENTRIES
            && compiled
                .exits
                .iter()
                .any(|(e, &n)| n >= PENDING_BRIDGE_FAILURES && !compiled.bridge_attempts.contains(e))
        {
            JUDGE_LATE_AFTER_ENTRIES
        } else {
            JUDGE_AFTER_ENTRIES
        };
        if entries >= judge_after && total >= entries * MIN_ITERATIONS_PER_ENTRY {
            // Judged profitable: judge the next entries afresh (a loop may
            // start with long runs and go on with short ones).
            (compiled.entries, compiled.iterations) = (0, 0);
            compiled.exits.clear();
        }
        if entries >= judge_after && total < entries * MIN_ITERATIONS_PER_ENTRY {
            self.stats.unprofitable += 1;
            if self.log.is_some() {
                let name = code_name(code);
                let header = key.1;
                self.log(&format!("# jit: loop {name}:{header} put aside: {total} iterations in {entries} entries\n"));
            }
            self.loops.insert(key, LoopState::Aborted { aborts: UNPROFITABLE_BACKOFF, options });
            let countdown = self.threshold.max(32).saturating_mul(1 << UNPROFITABLE_BACKOFF);
            return LoopOutcome { entered: true, countdown };
        }
        LoopOutcome { entered: true, countdown: 0 }
    }
}

/// Keep what a trace relies on alive for the rest of the run.
fn keep_alive(vm: &mut Vm, constants: &[PyValue], assumptions: &[Assumption]) {
    for &constant in constants {
        jit_hooks::keep_alive(vm, constant);
    }
    for assumption in assumptions {
        for object in assumption.objects() {
            jit_hooks::keep_alive(vm, object);
        }
    }
}

fn code_name(code: Gc<PyCode>) -> String {
    code.qualname.downcast::<krait_vm::types::str::PyStr>().map(|s| s.as_str().to_string()).unwrap_or_default()
}

impl JitHooks for Jit {
    fn loop_hot(
        &mut self,
        vm: &mut Vm,
        code: Gc<PyCode>,
        header: usize,
        sink: Option<&mut YieldSink<'_>>,
    ) -> LoopOutcome {
        let key = (code.value().to_bits(), header);
        let (aborts, options) = match self.loops.get(&key) {
            Some(LoopState::Compiled(_)) => return self.enter_and_judge(vm, code, key, sink),
            Some(&LoopState::Aborted { aborts, options }) => (aborts, options),
            None => (0, Options::default()),
        };
        let options = Options { yields: sink.is_some(), ..options };
        match self.compile(vm, code, header, options) {
            Ok(compiled) => {
                self.stats.compiled += 1;
                jit_hooks::keep_alive(vm, code.value());
                keep_alive(vm, &compiled.constants, &compiled.assumptions);
                self.loops.insert(key, LoopState::Compiled(compiled));
                self.enter_and_judge(vm, code, key, sink)
            }
            Err(reason) => {
                self.stats.aborted += 1;
                if self.log.is_some() {
                    let name = code_name(code);
                    self.log(&format!("# jit: loop {name}:{header} aborted: {reason}\n"));
                }
                let aborts = aborts + 1;
                self.loops.insert(key, LoopState::Aborted { aborts, options });
                let backoff = self.threshold.max(32).saturating_mul(1 << aborts.min(16));
                LoopOutcome { entered: false, countdown: backoff }
            }
        }
    }

    fn finish(&mut self, vm: &mut Vm) {
        if let Some(log) = &mut self.log {
            let _ = log.flush();
        }
        if let Some(sink) = &self.stats_sink {
            *sink.borrow_mut() = Some(self.stats);
        }
        if self.show_stats {
            let s = self.stats;
            eprintln!(
                "jit: {} loops compiled, {} aborted, {} bridges, {} entries, {} guard failures, {} put aside as unprofitable, {} invalidated",
                s.compiled, s.aborted, s.bridges, s.entered, s.guard_failures, s.unprofitable, s.invalidated
            );
            let total = elapsed_nanos(self.started);
            let accounted = s.tracing_nanos + s.compiling_nanos + s.running_nanos + vm.gc_nanos;
            let ms = |nanos: u64| nanos as f64 / 1e6;
            eprintln!(
                "jit: {:.1} ms: interpreting {:.1}, tracing {:.1}, compiling {:.1}, compiled code {:.1}, GC {:.1}",
                ms(total),
                ms(total.saturating_sub(accounted)),
                ms(s.tracing_nanos),
                ms(s.compiling_nanos),
                ms(s.running_nanos),
                ms(vm.gc_nanos)
            );
        }
    }
}

/// Install the JIT into `vm` as the environment asks (see the module
/// documentation); whether it was installed.
pub fn install(vm: &mut Vm) -> bool {
    if std::env::var("KRAIT_JIT").is_ok_and(|v| v == "off" || v == "0") {
        return false;
    }
    let threshold =
        std::env::var("KRAIT_JIT_THRESHOLD").ok().and_then(|v| v.parse::<u32>().ok()).unwrap_or(DEFAULT_LOOP_THRESHOLD);
    let log = log_target();
    let show_stats = std::env::var("KRAIT_JIT_STATS").is_ok_and(|v| !v.is_empty() && v != "0");
    match Jit::new(threshold, log, show_stats) {
        Ok(jit) => {
            vm.jit.install(Box::new(jit), threshold);
            true
        }
        Err(message) => {
            eprintln!("krait: the JIT is disabled: {message}");
            false
        }
    }
}

/// Where `KRAIT_LOG` sends the JIT's log: `jit` to stderr, `jit:FILE` to a
/// file (entries separated by commas).
fn log_target() -> Option<Box<dyn Write>> {
    let spec = std::env::var("KRAIT_LOG").ok()?;
    for entry in spec.split(',') {
        if entry == "jit" {
            return Some(Box::new(std::io::stderr()));
        }
        if let Some(path) = entry.strip_prefix("jit:") {
            match std::fs::File::create(path) {
                Ok(file) => return Some(Box::new(std::io::BufWriter::new(file))),
                Err(err) => eprintln!("krait: cannot open the JIT log {path}: {err}"),
            }
        }
    }
    None
}

fn elapsed_nanos(since: Instant) -> u64 {
    since.elapsed().as_nanos() as u64
}
