//! `Vm`: the state of one interpreter — heap, builtin types, modules,
//! interned strings, the thread's frames — and the allocation entry points.
//!
//! Everything that runs Python code takes `&mut Vm`. Heap objects are not
//! owned by the `Vm` in Rust's sense (they are reached through `Value`s and
//! `Gc`s), so holding an object while calling back into the VM is fine.

use std::collections::HashMap;
use std::ptr::NonNull;

use num_bigint::BigInt;

use crate::error::{PyErr, PyResult};
use crate::gc::{self, Heap, StackBounds, Tracer};
use crate::interp::frame::ThreadState;
use crate::object::{header_bits, InstanceAttrs, ObjHeader, PyPayload};
use crate::object::{Gc, Layout};
use crate::types::dict::PyDict;
use crate::types::exception::ExceptionTypes;
use crate::types::int::PyInt;
use crate::types::str::PyStr;
use crate::types::typeobject::PyType;
use crate::types::BuiltinTypes;
use crate::value::Value;

/// Settings read from the environment and command line.
#[derive(Clone, Debug, Default)]
pub struct VmConfig {
    pub argv: Vec<String>,
    /// Directories to search for modules after the script's own.
    pub path: Vec<String>,
    pub gc_stress: bool,
    /// `PYTHONHASHSEED`: `None` for random.
    pub hash_seed: Option<u64>,
    pub executable: String,
    /// Where CPython's pure-Python standard library lives, if found.
    pub stdlib: Option<String>,
}

/// The singleton values.
pub struct Singletons {
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    pub empty_str: Value,
    /// `0.0` and `-0.0`, which have no immediate encoding (see `value`).
    pub float_zero: Value,
    pub float_neg_zero: Value,
}

pub struct Vm {
    pub(crate) heap: Heap,
    pub(crate) stack_bounds: StackBounds,
    gc_stress: bool,
    allocations: usize,
    /// Automatic collections run (bootstrap done and not `gc.disable()`d).
    pub(crate) gc_enabled: bool,
    /// `gc.isenabled()`.
    pub(crate) gc_user_enabled: bool,
    /// `gc.get_threshold()` (kept for the program; the heap has its own policy).
    pub(crate) gc_threshold: [i64; 3],
    /// Weak references by referent (`gc/weak.rs`).
    pub(crate) weakrefs: crate::gc::weak::WeakTable,
    /// Objects that may need a finalizer, and those due (`gc/finalize.rs`).
    pub(crate) finalizers: crate::gc::finalize::FinalizerTable,
    /// Cleared weakrefs whose callbacks are due (roots).
    pub(crate) weak_callbacks: std::collections::VecDeque<Gc<crate::types::weakref::PyWeakRef>>,
    /// Finalizers or weakref callbacks are due: the interpreter runs them at
    /// its next safepoint (`RESUME`, `JUMP_BACKWARD`).
    pub(crate) finalizers_due: bool,
    /// The tracing JIT's hooks and hot counters (`jit_hooks`).
    pub jit: crate::jit_hooks::JitState,
    running_finalizers: bool,
    /// The `atexit` callbacks: a list of `(func, args, kwargs)`, or NULL.
    pub(crate) atexit_callbacks: Value,
    /// Prompt collections for abandoned generators allowed before the next
    /// ordinary collection (see `collect_abandoned_generator`).
    prompt_budget: u32,
    /// Nanoseconds spent collecting so far (for `KRAIT_JIT_STATS`).
    pub gc_nanos: u64,
    pub types: BuiltinTypes,
    pub exceptions: ExceptionTypes,
    pub singletons: Singletons,
    /// The one-character strings of U+0000..U+00FF, made on first use and
    /// immortal, shared as in CPython (`s[i]` and iteration make many).
    latin1_chars: Box<[Value; 256]>,
    /// Interned special names (set right after the types exist).
    pub names: crate::names::Names,
    pub well_known: crate::names::WellKnown,
    /// Interned strings by content (`sys.intern`, identifiers).
    /// (Fx-hashed: SipHash's flooding resistance buys nothing for names
    /// the program itself chose, and the table is probed on every
    /// `lookup_str`.)
    interned: rustc_hash::FxHashMap<Box<str>, Value>,
    /// Every type object, for weak processing (subclass lists).
    pub(crate) all_types: Vec<Value>,
    /// `sys.modules`.
    pub modules: Gc<PyDict>,
    pub builtins_module: Value,
    pub builtins: Gc<PyDict>,
    pub sys_module: Value,
    pub(crate) thread: ThreadState,
    /// The exception being handled (what `sys.exc_info()` shows).
    pub(crate) handled_exception: Value,
    pub recursion_limit: usize,
    /// Nested calls through Rust that count against the recursion limit
    /// (with the Python frames, as CPython's shared `recursion_remaining`).
    pub(crate) native_depth: usize,
    pub(crate) next_type_version: u32,
    pub(crate) method_cache: crate::types::typeobject::MethodCache,
    pub config: VmConfig,
    pub(crate) native_modules: HashMap<&'static str, crate::import::NativeModuleInit>,
    /// `sys.set_int_max_str_digits`.
    pub int_max_str_digits: usize,
    /// Values kept alive by Rust code (registered roots, see `RootedVec`).
    pub(crate) extra_roots: Vec<Value>,
    /// Containers whose `repr` is in progress (`Py_ReprEnter`), so a
    /// container that contains itself prints as `[...]`.
    pub(crate) repr_guard: Vec<Value>,
    /// The stream classes and the registry of open files (`stdio.rs`).
    pub(crate) io: crate::stdio::IoState,
}

impl Vm {
    /// Create a VM: the heap, the builtin types and the core modules.
    pub fn new(config: VmConfig) -> Box<Vm> {
        crate::bootstrap::create_vm(config)
    }

    pub(crate) fn assemble(
        heap: Heap,
        types: BuiltinTypes,
        exceptions: ExceptionTypes,
        singletons: Singletons,
        names: crate::names::Names,
        modules: Gc<PyDict>,
        builtins: Gc<PyDict>,
        config: VmConfig,
    ) -> Vm {
        Vm {
            heap,
            stack_bounds: StackBounds::current(),
            gc_stress: config.gc_stress,
            allocations: 0,
            gc_enabled: false,
            gc_user_enabled: true,
            gc_threshold: [700, 10, 10],
            weakrefs: Default::default(),
            finalizers: Default::default(),
            weak_callbacks: Default::default(),
            finalizers_due: false,
            jit: Default::default(),
            running_finalizers: false,
            prompt_budget: PROMPT_BUDGET,
            gc_nanos: 0,
            atexit_callbacks: Value::NULL,
            types,
            exceptions,
            singletons,
            latin1_chars: Box::new([Value::NULL; 256]),
            names,
            well_known: crate::names::WellKnown::empty(),
            interned: Default::default(),
            all_types: Vec::new(),
            modules,
            builtins_module: Value::NULL,
            builtins,
            sys_module: Value::NULL,
            thread: ThreadState::new(),
            handled_exception: Value::NULL,
            recursion_limit: 1000,
            native_depth: 0,
            next_type_version: 1,
            method_cache: crate::types::typeobject::MethodCache::new(),
            config,
            native_modules: HashMap::new(),
            int_max_str_digits: 4300,
            extra_roots: Vec::new(),
            repr_guard: Vec::new(),
            io: crate::stdio::IoState::default(),
        }
    }

    // ---- singletons -------------------------------------------------------------------

    #[inline(always)]
    pub fn none(&self) -> Value {
        self.singletons.none
    }

    #[inline(always)]
    pub fn bool_value(&self, b: bool) -> Value {
        if b {
            self.singletons.true_
        } else {
            self.singletons.false_
        }
    }

    #[inline(always)]
    pub fn not_implemented(&self) -> Value {
        self.singletons.not_implemented
    }

    #[inline(always)]
    pub fn is_none(&self, v: Value) -> bool {
        v.is(self.singletons.none)
    }

    // ---- allocation -------------------------------------------------------------------

    /// Allocate an object of payload `T` and class `class`.
    #[inline]
    pub fn alloc<T: PyPayload>(&mut self, payload: T, class: Gc<PyType>) -> Gc<T> {
        self.alloc_with_layout(payload, class, T::LAYOUT, 0)
    }

    /// Allocate an object of class `class`, with an attribute area if the
    /// class's instances carry attributes (a Python subclass of a builtin).
    #[inline]
    pub fn alloc_instance<T: PyPayload>(&mut self, payload: T, class: Gc<PyType>) -> Gc<T> {
        let object = self.alloc_with_layout(payload, class, instance_layout::<T>(class), 0);
        if class.has_flag(crate::types::typeobject::flags::HAS_FINALIZER) {
            self.register_finalizer(object.value());
        }
        object
    }

    /// Allocate an object of class `class` (with an attribute area if the
    /// class needs one, as `alloc_instance`) followed by `trailing` bytes of
    /// inline data: a tuple's items, a str's text. The data starts at
    /// `layout().alloc_size()` bytes from the object, where the payload's
    /// accessors find it. `fill` must initialise all of it; it runs before
    /// anything else can allocate or look at the object. The payload itself
    /// must hold no values (it is not traced before it is placed).
    #[inline]
    pub fn alloc_trailing<T: PyPayload>(
        &mut self,
        payload: T,
        class: Gc<PyType>,
        trailing: usize,
        fill: impl FnOnce(*mut u8),
    ) -> Gc<T> {
        let layout = instance_layout::<T>(class);
        let object = self.alloc_with_layout(payload, class, layout, trailing);
        // SAFETY: the allocation has `trailing` bytes at this offset.
        fill(unsafe { (object.as_ptr() as *mut u8).add(layout.alloc_size()) });
        if class.has_flag(crate::types::typeobject::flags::HAS_FINALIZER) {
            self.register_finalizer(object.value());
        }
        object
    }

    /// The allocator. The fast path (no collection due, a free cell at
    /// hand) is inlined into every caller: for a fixed-size payload it is a
    /// compare, a free-list pop and the stores of the object itself, the
    /// cost of CPython's float free list.
    #[inline(always)]
    fn alloc_with_layout<T: PyPayload>(
        &mut self,
        payload: T,
        class: Gc<PyType>,
        layout: &'static Layout,
        trailing: usize,
    ) -> Gc<T> {
        debug_assert_eq!(layout.kind, T::LAYOUT.kind);
        if self.heap.allocated_since_gc <= self.heap.collect_after {
            if let Some(memory) = self.heap.allocate_small(layout.alloc_size() + trailing) {
                // SAFETY: fresh memory of the object's size, 16-byte aligned.
                return unsafe { place(memory, payload, class.value(), layout) };
            }
        }
        self.alloc_slow(payload, class, layout, trailing)
    }

    /// The allocator's slow path: collect if due, then take a new block or
    /// a large allocation.
    #[inline(never)]
    fn alloc_slow<T: PyPayload>(
        &mut self,
        payload: T,
        class: Gc<PyType>,
        layout: &'static Layout,
        trailing: usize,
    ) -> Gc<T> {
        self.maybe_collect(|tracer| {
            tracer.mark(class.value());
            // (A payload with trailing data holds no values, and its trace
            // would read the data, which is not there yet.)
            if trailing == 0 {
                payload.trace(tracer);
            }
        });
        // (A finalizer queued by that collection runs at the next safepoint.)
        alloc_trailing_in(&mut self.heap, payload, class.value(), layout, trailing)
    }

    #[inline(never)]
    fn register_finalizer(&mut self, object: Value) {
        if let Some(header) = object.header() {
            self.finalizers.register(NonNull::from(header));
        }
    }

    /// Keep `value` alive for the rest of the VM's life (module-level
    /// state of a native module, which Rust code finds without a Python
    /// reference to it).
    pub fn add_root(&mut self, value: Value) {
        self.extra_roots.push(value);
    }

    /// Note Rust memory owned by a heap object, towards the next collection.
    #[inline]
    pub fn account_external(&mut self, bytes: usize) {
        self.heap.account_external(bytes);
    }

    /// Make an object permanent (never freed), for singletons and builtin types.
    pub(crate) fn make_immortal(value: Value) {
        if let Some(header) = value.header() {
            header.set_bits(header.bits() | header_bits::IMMORTAL);
        }
    }

    /// Collect first if the pacing rule (`set_collect_after`) says so.
    #[inline]
    fn maybe_collect(&mut self, pending: impl FnOnce(&mut Tracer)) {
        if self.heap.allocated_since_gc <= self.heap.collect_after {
            return;
        }
        let due = if self.gc_stress {
            self.allocations += 1;
            self.allocations.is_multiple_of(gc::STRESS_INTERVAL)
        } else {
            true
        };
        if due {
            self.collect_with(pending, 0, 0);
        }
    }

    /// The pacing rule, kept in `Heap::collect_after` for the allocation
    /// fast path: collect once the bytes allocated since the last
    /// collection exceed the larger of `MIN_THRESHOLD` and half of
    /// `paced_live` (see the `gc` module essay); under GC stress every
    /// allocation checks (and every
    /// `STRESS_INTERVAL`th collects); never while the collector is off.
    fn set_collect_after(&mut self) {
        self.heap.collect_after = if !self.gc_enabled {
            usize::MAX
        } else if self.gc_stress {
            0
        } else {
            gc::MIN_THRESHOLD.max(self.heap.paced_live / 2)
        };
    }

    /// One full collection; returns how many unreachable objects it found
    /// (freed, or kept for their finalizer). Finalizers and weakref
    /// callbacks it queues run later (`run_finalizers`).
    pub fn collect_garbage(&mut self) -> usize {
        self.collect_with(|_| {}, 0, 0)
    }

    /// `gc.collect()`: collect, run the finalizers and callbacks that became
    /// due, and repeat while that freed more (an object kept alive for its
    /// `__del__` is freed, and its weakrefs cleared, by the next round), so
    /// that `del x; gc.collect()` leaves nothing of `x` behind, as CPython's
    /// reference counting would.
    ///
    /// `direct_call` says the caller checked that this runs for a `CALL`
    /// of `gc.collect` by the innermost interpreter loop: then no Rust
    /// frame between that loop and here holds a value the value stack does
    /// not (the loop's `CALL` keeps the callable and arguments in their
    /// slots), and the native stack below the loop's entry is left out of
    /// the scan — it holds only stale copies of values the loop handled
    /// before, which would keep dropped objects alive.
    pub fn collect_fully(&mut self, direct_call: bool) -> usize {
        let skip_below = if direct_call { self.thread.native_entry } else { 0 };
        let mut found = 0;
        for _ in 0..8 {
            // (Again each round: the finalizers of the last one left stale
            // copies of their objects above the stack top.)
            self.thread.clear_stale_slots();
            crate::gc::scrub_stack();
            found += self.collect_with(|_| {}, 0, skip_below);
            if !self.finalizers_due {
                break;
            }
            self.run_finalizers();
        }
        found
    }

    #[inline(never)]
    fn collect_with(&mut self, pending: impl FnOnce(&mut Tracer), ignore: usize, skip_below: usize) -> usize {
        let started = std::time::Instant::now();
        let mut tracer = Tracer::new();
        pending(&mut tracer);
        self.trace_roots(&mut tracer);
        gc::scan_native_stack(&self.heap, &self.stack_bounds, &mut tracer, ignore, skip_below);
        for (live, stale) in self.thread.operand_regions() {
            // A live slot is a real reference even to `ignore`.
            gc::scan_conservatively(&self.heap, live, &mut tracer, 0);
            gc::scan_conservatively(&self.heap, stale, &mut tracer, ignore);
        }
        tracer.drain();
        // Phase 2: the unreachable objects that need a finalizer stay alive.
        let queued = self.finalizers.select(&mut tracer, needs_finalizer);
        let callbacks = self.weakrefs.process();
        self.weak_callbacks.extend(callbacks);
        if queued > 0 || !self.weak_callbacks.is_empty() {
            self.finalizers_due = true;
        }
        self.process_weak();
        self.heap.poison = self.gc_stress;
        let mut freed = 0;
        let live = self.heap.sweep(|object| {
            freed += 1;
            // SAFETY: the sweeper hands us each dead object exactly once,
            // its header still intact.
            unsafe {
                if let Some(drop) = object.as_ref().layout().drop {
                    drop(object)
                }
            }
        });
        self.heap.paced_live = self.heap.live_after_gc.min(live + tracer.external);
        self.heap.live_after_gc = live + tracer.external;
        self.heap.allocated_since_gc = 0;
        self.set_collect_after();
        if ignore == 0 {
            self.prompt_budget = PROMPT_BUDGET;
        }
        self.gc_nanos += started.elapsed().as_nanos() as u64;
        freed + queued
    }

    /// `POP_TOP` discarded a generator: if it is suspended where closing it
    /// would run code (`try`/`with`), collect now so that an unreachable one
    /// is closed at once, as CPython's reference counting does (see the
    /// `gc` module essay). Rate-limited so that a loop abandoning
    /// generators cannot make collections quadratic: `PROMPT_BUDGET` of
    /// them between two ordinary collections, then one per quarter of the
    /// live heap allocated; under GC stress always.
    #[inline(never)]
    pub(crate) fn collect_abandoned_generator(&mut self, generator: Value) {
        let Some(gen) = generator.downcast::<crate::types::generator::PyGenerator>() else { return };
        if !crate::types::generator::needs_close(gen) || !self.gc_enabled {
            return;
        }
        if self.prompt_budget > 0 {
            self.prompt_budget -= 1;
        } else if !self.gc_stress && self.heap.allocated_since_gc < self.heap.live_after_gc / 4 {
            return;
        }
        let ignore = generator.to_bits() as usize;
        self.collect_with(|_| {}, ignore, 0);
        self.run_finalizers();
    }

    /// Run the finalizers and weakref callbacks that are due (a safepoint:
    /// the interpreter's state is consistent and no Rust borrow is held).
    /// Errors are reported as CPython's "Exception ignored in: ..." and
    /// otherwise ignored.
    #[inline(never)]
    pub fn run_finalizers(&mut self) {
        if self.running_finalizers {
            return;
        }
        self.running_finalizers = true;
        self.finalizers_due = false;
        loop {
            // Callbacks first: those of objects freed by this collection
            // come before the finalizers of objects it found unreachable.
            if let Some(weakref) = self.weak_callbacks.pop_front() {
                let callback = weakref.take_callback();
                if !callback.is_null() {
                    if let Err(err) = crate::protocol::call::call(self, callback, &[weakref.value()]) {
                        self.report_unraisable(err, callback);
                    }
                }
                continue;
            }
            let Some(object) = self.finalizers.next_due() else { break };
            crate::gc::finalize_object(self, object);
        }
        self.running_finalizers = false;
    }

    /// Print an exception that cannot be raised (from a finalizer or a
    /// callback) the way CPython's `PyErr_WriteUnraisable` does.
    pub fn report_unraisable(&mut self, err: PyErr, origin: Value) {
        self.report_unraisable_with(err, "Exception ignored in", origin);
    }

    /// `report_unraisable` with CPython's other wordings of the first line
    /// ("Exception ignored in atexit callback").
    pub fn report_unraisable_with(&mut self, err: PyErr, what: &str, origin: Value) {
        let _ = crate::stdio::flush_std_streams(self);
        let origin = match crate::protocol::object::repr(self, origin) {
            Ok(s) => s.as_str().to_string(),
            Err(_) => "<object repr() failed>".to_string(),
        };
        let text = crate::toplevel::format_exception(self, err.exception());
        eprint!("{what}: {origin}\n{text}");
    }

    /// At exit: run what is due, then the finalizers of every object that
    /// still has one pending (CPython finalizes what module globals still
    /// hold when it clears the modules).
    pub fn finalize_at_exit(&mut self) {
        crate::modules::atexit::run_exitfuncs(self);
        self.run_finalizers();
        self.finalizers.queue_all();
        self.run_finalizers();
    }

    fn trace_roots(&self, tracer: &mut Tracer) {
        for ty in self.types.all() {
            tracer.mark(ty.value());
        }
        self.exceptions.trace(tracer);
        self.well_known.trace(tracer);
        self.method_cache.trace(tracer);
        let s = &self.singletons;
        tracer.mark_all(&[s.none, s.true_, s.false_, s.not_implemented, s.ellipsis, s.empty_tuple, s.empty_str]);
        tracer.mark_all(&[s.float_zero, s.float_neg_zero]);
        for &value in self.interned.values() {
            tracer.mark(value);
        }
        tracer.mark(self.modules.value());
        tracer.mark(self.builtins_module);
        tracer.mark(self.builtins.value());
        tracer.mark(self.sys_module);
        tracer.mark(self.handled_exception);
        tracer.mark_all(&self.extra_roots);
        tracer.mark_all(&self.repr_guard);
        self.finalizers.trace(tracer);
        tracer.mark(self.atexit_callbacks);
        for weakref in &self.weak_callbacks {
            tracer.mark(weakref.value());
        }
        self.thread.trace(tracer);
    }

    /// Drop references to objects that were not marked from the weak tables.
    fn process_weak(&mut self) {
        let is_marked =
            |v: &Value| v.header().is_some_and(|h| h.bits() & (header_bits::MARK | header_bits::IMMORTAL) != 0);
        self.all_types.retain(is_marked);
        for &ty in &self.all_types {
            if let Some(ty) = ty.downcast::<PyType>() {
                ty.subclasses.borrow_mut().retain(is_marked);
            }
        }
    }

    pub(crate) fn enable_gc(&mut self) {
        self.gc_enabled = self.gc_user_enabled;
        self.set_collect_after();
    }

    /// `gc.enable()` / `gc.disable()`.
    pub(crate) fn set_gc_user_enabled(&mut self, enabled: bool) {
        self.gc_user_enabled = enabled;
        self.gc_enabled = enabled;
        self.set_collect_after();
    }

    // ---- common constructors ----------------------------------------------------------

    /// An int from an `i64`.
    #[inline]
    pub fn new_int(&mut self, i: i64) -> Value {
        match Value::small_int(i) {
            Some(v) => v,
            None => self.new_bigint(BigInt::from(i)),
        }
    }

    /// An int from a `BigInt`, as a small int when it fits.
    pub fn new_bigint(&mut self, i: BigInt) -> Value {
        use num_traits::ToPrimitive;
        if let Some(v) = i.to_i64().and_then(Value::small_int) {
            return v;
        }
        let int_type = self.types.int;
        self.account_external(i.bits() as usize / 8);
        self.alloc(PyInt::new(i), int_type).value()
    }

    /// A new `str`.
    pub fn new_str(&mut self, s: &str) -> Value {
        if s.is_empty() {
            return self.singletons.empty_str;
        }
        PyStr::new_value(self, s)
    }

    /// The shared string of a character below U+0100, if it was made
    /// already (without allocating: see `latin1_char`).
    pub fn existing_latin1_char(&self, c: char) -> Option<Value> {
        let v = *self.latin1_chars.get(c as usize)?;
        (!v.is_null()).then_some(v)
    }

    /// The shared string for `s` if it is one character below U+0100.
    #[inline]
    pub fn latin1_char(&mut self, s: &str) -> Option<Value> {
        let mut chars = s.chars();
        let c = chars.next().filter(|&c| (c as u32) < 256 && chars.next().is_none())? as usize;
        if self.latin1_chars[c].is_null() {
            let ty = self.types.str;
            let v = crate::types::str::alloc_str(self, ty, s).value();
            Vm::make_immortal(v);
            self.latin1_chars[c] = v;
        }
        Some(self.latin1_chars[c])
    }

    /// The interned `str` with this content.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(&v) = self.interned.get(s) {
            return v;
        }
        let v = PyStr::new_value(self, s);
        self.interned.insert(s.into(), v);
        mark_interned(v);
        v
    }

    /// Intern an existing `str` object (returns the canonical one).
    pub fn intern_value(&mut self, s: Gc<PyStr>) -> Value {
        if let Some(&v) = self.interned.get(s.as_str()) {
            return v;
        }
        self.interned.insert(s.as_str().into(), s.value());
        mark_interned(s.value());
        s.value()
    }

    /// The exception being handled, as `sys.exc_info()` sees it: the
    /// current one, or if there is none, the one each running generator's
    /// caller was handling (CPython's `_PyErr_GetTopmostException` walks
    /// the same chain). NULL when there is none.
    pub fn topmost_handled_exception(&self) -> Value {
        let mut handled = self.handled_exception;
        let mut frames = self.thread.frames.iter().rev();
        while handled.is_null() || self.is_none(handled) {
            let Some(frame) = frames.next() else { return Value::NULL };
            if let Some(caller) = crate::types::generator::caller_handled_exception(frame.generator) {
                handled = caller;
            }
        }
        handled
    }

    /// A float (immediate when it can be: see `value`).
    #[inline(always)]
    pub fn new_float(&mut self, f: f64) -> Value {
        crate::types::float::PyFloat::new_value(self, f)
    }

    // ---- errors ---------------------------------------------------------------------------

    /// An exception of type `ty` with one string argument.
    pub fn new_error(&mut self, ty: Gc<PyType>, message: impl Into<String>) -> PyErr {
        let message: String = message.into();
        let arg = self.new_str(&message);
        let exc = crate::types::exception::new_exception(self, ty, &[arg]);
        PyErr::from_exception(exc)
    }

    pub fn type_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.type_error, message)
    }
    pub fn value_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.value_error, message)
    }
    pub fn index_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.index_error, message)
    }
    pub fn attribute_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.attribute_error, message)
    }
    pub fn name_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.name_error, message)
    }
    pub fn overflow_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.overflow_error, message)
    }
    pub fn zero_division_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.zero_division_error, message)
    }
    pub fn runtime_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.runtime_error, message)
    }
    pub fn recursion_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.recursion_error, message)
    }
    pub fn memory_error(&mut self) -> PyErr {
        let ty = self.exceptions.memory_error;
        PyErr::from_exception(crate::types::exception::new_exception(self, ty, &[]))
    }
    pub fn not_implemented_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.not_implemented_error, message)
    }
    pub fn unbound_local_error(&mut self, message: impl Into<String>) -> PyErr {
        self.new_error(self.exceptions.unbound_local_error, message)
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let ty = self.exceptions.key_error;
        PyErr::from_exception(crate::types::exception::new_exception(self, ty, &[key]))
    }

    /// `StopIteration(value)` (no argument when `value` is NULL).
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let ty = self.exceptions.stop_iteration;
        let args: &[Value] = if value.is_null() { &[] } else { &[value] };
        PyErr::from_exception(crate::types::exception::new_exception(self, ty, args))
    }

    /// Whether `err` is an instance of exception type `ty`.
    pub fn error_matches(&self, err: PyErr, ty: Gc<PyType>) -> bool {
        crate::types::typeobject::is_subtype(self.class_of(err.exception()), ty)
    }

    // ---- classes --------------------------------------------------------------------------

    /// The Python class of any value.
    #[inline(always)]
    pub fn class_of(&self, v: Value) -> Gc<PyType> {
        match v.header() {
            // SAFETY: every object's class word holds a live type object.
            Some(header) => unsafe { Gc::from_raw(header.class().object_unchecked()) },
            None if v.is_immediate_float() => self.types.float,
            None => self.types.int,
        }
    }

    /// `isinstance(v, ty)` by class alone (no `__instancecheck__`).
    #[inline]
    pub fn is_instance(&self, v: Value, ty: Gc<PyType>) -> bool {
        let class = self.class_of(v);
        class == ty || crate::types::typeobject::is_subtype(class, ty)
    }

    /// The name of a value's class, for error messages.
    pub fn type_name(&self, v: Value) -> String {
        self.class_of(v).name().to_string()
    }

    /// Count a nested operation through Rust against the recursion limit;
    /// `what` completes CPython's message ("maximum recursion depth
    /// exceeded while calling a Python object"). Pair with `leave_recursion`.
    #[inline]
    pub fn enter_recursion(&mut self, what: &str) -> PyResult<()> {
        if self.thread.frames.len() + self.native_depth >= self.recursion_limit
            || self.stack_bounds.remaining() < 256 * 1024
        {
            return Err(self.recursion_error(format!("maximum recursion depth exceeded{what}")));
        }
        self.native_depth += 1;
        Ok(())
    }

    #[inline]
    pub fn leave_recursion(&mut self) {
        self.native_depth -= 1;
    }

    /// Run `f` counted as one level of recursion (see `enter_recursion`).
    #[inline]
    pub fn with_recursion<T>(&mut self, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        self.enter_recursion(what)?;
        let result = f(self);
        self.leave_recursion();
        result
    }

    /// Check that the native stack has room for another nested call into
    /// the interpreter.
    #[inline]
    pub fn check_native_stack(&mut self) -> PyResult<()> {
        if self.stack_bounds.remaining() < 256 * 1024 {
            return Err(self.recursion_error("maximum recursion depth exceeded"));
        }
        Ok(())
    }
}

/// Prompt collections of abandoned generators between two ordinary ones.
const PROMPT_BUDGET: u32 = 4;

/// Whether an unreachable finalizer candidate needs its finalizer run.
fn needs_finalizer(object: NonNull<ObjHeader>) -> bool {
    // SAFETY: candidates are allocated objects (`FinalizerTable` invariant).
    let header = unsafe { object.as_ref() };
    if header.kind() == crate::object::LayoutKind::Generator {
        // SAFETY: the layout kind identifies the payload.
        let gen = unsafe { Gc::<crate::types::generator::PyGenerator>::from_raw(object) };
        return crate::types::generator::needs_close(gen);
    }
    true
}

/// Flag the canonical interned object of its text (see `PyStr::is_interned`).
fn mark_interned(v: Value) {
    if let Some(header) = v.header() {
        header.set_bits(header.bits() | header_bits::INTERNED);
    }
}

/// Allocate an object in `heap` without collecting (the allocation path of
/// `Vm::alloc`, also used while bootstrapping, before a `Vm` exists).
pub(crate) fn alloc_in<T: PyPayload>(heap: &mut Heap, payload: T, class: Value, layout: &'static Layout) -> Gc<T> {
    alloc_trailing_in(heap, payload, class, layout, 0)
}

/// `alloc_in` with `trailing` uninitialised bytes after the object (after
/// its attribute area, if any): see `Vm::alloc_trailing`.
pub(crate) fn alloc_trailing_in<T: PyPayload>(
    heap: &mut Heap,
    payload: T,
    class: Value,
    layout: &'static Layout,
    trailing: usize,
) -> Gc<T> {
    let size = layout.alloc_size() + trailing;
    let Some(memory) = heap.allocate(size) else {
        // The system allocator failed: there is no memory to raise
        // MemoryError with, so fail the way CPython's fatal path does.
        eprintln!("Fatal Python error: out of memory");
        std::process::abort();
    };
    // SAFETY: `memory` is fresh and large enough for `layout`.
    unsafe { place(memory, payload, class, layout) }
}

/// The layout of a new `T` of class `class`: the class's own when it is a
/// subclass whose instances carry attributes, else the payload's.
#[inline(always)]
fn instance_layout<T: PyPayload>(class: Gc<PyType>) -> &'static Layout {
    let layout = class.instance_layout();
    if layout.attrs_offset != 0 && layout.kind == T::LAYOUT.kind {
        layout
    } else {
        T::LAYOUT
    }
}

/// Write a new object into fresh memory: the payload, its header, and the
/// empty attribute area if the layout has one.
///
/// # Safety
/// `memory` must be unused heap memory of at least `layout.alloc_size()`
/// bytes, 16-byte aligned, and `layout` a layout of `T`.
#[inline(always)]
unsafe fn place<T: PyPayload>(memory: NonNull<u8>, payload: T, class: Value, layout: &'static Layout) -> Gc<T> {
    let ptr = memory.as_ptr();
    // SAFETY: by the contract above; the payload is written whole, then its header.
    unsafe {
        std::ptr::write(ptr as *mut T, payload);
        std::ptr::write(ptr as *mut ObjHeader, ObjHeader::new(layout, class));
        if layout.attrs_offset != 0 {
            std::ptr::write(ptr.add(layout.attrs_offset) as *mut InstanceAttrs, InstanceAttrs::new());
        }
        Gc::from_raw(NonNull::new_unchecked(ptr as *mut ObjHeader))
    }
}
