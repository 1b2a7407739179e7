//! Generators, coroutines and async generators.
//!
//! A generator owns a copy of its frame's slots (locals, cells, and the live
//! operand stack) while it is suspended, inline after the object: room for
//! the code's whole frame is allocated with the generator, so suspending
//! never allocates. Resuming pushes a frame on the thread's value stack,
//! copies the slots in, and runs the interpreter loop with that frame as its
//! entry; `YIELD_VALUE` copies them back out and leaves the loop. The copy
//! costs a few words per resume and keeps every running frame on the one
//! contiguous stack.
//!
//! A `for` loop over a plain generator (`FOR_ITER_GEN`), and `yield from` or
//! `await` of a generator or coroutine (`SEND`), do not recurse: they push
//! the generator's frame as an ordinary (non-entry) frame of the running
//! loop (`enter_inline`). Its `YIELD_VALUE` then saves the frame and hands
//! the value to the instruction that entered it (`suspend_inline`), its
//! return ends the `for` or the `yield from` (`return_inline`), and an
//! exception leaving it is finished off by
//! the unwinder (`unwind_inline`) as `resume` would have. While a generator
//! runs, either way, its `handled_exception` holds the caller's.
//!
//! A generator becomes a finalizer candidate (`gc/finalize.rs`) when it is
//! first suspended; if the collector finds it unreachable while it is
//! suspended where a handler covers it (inside `try`, `with`), it is closed
//! as CPython's `_PyGen_Finalize` does, so its `finally` blocks run.
//!
//! `yield from` / `await` run as a `SEND` loop in the delegating frame; when
//! such a generator is suspended inside the loop (the instruction after its
//! yield is `RESUME 2` or `RESUME 3`), `throw()` and `close()` go to the
//! sub-iterator on top of its saved stack first, as CPython's `_gen_throw`.

use std::cell::Cell;

use krait_bytecode::{CodeFlags, Instruction, Opcode};

use crate::error::{PyErr, PyResult};
use crate::gc::Tracer;
use crate::impl_payload;
use crate::interp::call::{pop_frame, push_frame_uninit};
use crate::interp::eval::{run_frames, run_frames_into, Exit};
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::protocol::{attr, call};
use crate::types::dict::PyDict;
use crate::types::exception::PyBaseException;
use crate::types::function::PyCode;
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

#[repr(C)]
pub struct PyGenerator {
    header: ObjHeader,
    pub kind: GenKind,
    pub code: Gc<PyCode>,
    func: Value,
    globals: Gc<PyDict>,
    builtins: Gc<PyDict>,
    locals: Value,
    /// How many of the frame's slots are saved (localsplus, then the
    /// operand stack), inline after the object; room for `capacity`.
    nslots: Cell<usize>,
    capacity: usize,
    ip: Cell<usize>,
    lasti: Cell<usize>,
    pub state: Cell<GenState>,
    pub name: ValueCell,
    pub qualname: ValueCell,
    /// The exception being handled inside the generator while it is suspended.
    handled_exception: ValueCell,
    /// Async generators: an `asend`/`athrow` is running.
    running_async: Cell<bool>,
    /// Listed as a finalizer candidate already.
    registered: Cell<bool>,
}

impl_payload!(PyGenerator, Generator);

impl PyGenerator {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[
            self.code.value(),
            self.func,
            self.globals.value(),
            self.builtins.value(),
            self.locals,
            self.name.get(),
            self.qualname.get(),
            self.handled_exception.get(),
        ]);
        tracer.mark_all(self.slots());
    }

    /// Where the saved slots start: right after the object (see
    /// `Vm::alloc_trailing`; generators cannot be subclassed).
    fn slots_ptr(&self) -> *mut Value {
        // SAFETY: `from_frame` allocated `capacity` slots at this offset.
        unsafe { (self as *const PyGenerator as *mut u8).add(PyGenerator::LAYOUT.alloc_size()) as *mut Value }
    }

    /// The saved slots.
    fn slots(&self) -> &[Value] {
        // SAFETY: the first `nslots` slots are initialised (`from_frame`,
        // `suspend_frame`); they change only while the generator runs.
        unsafe { std::slice::from_raw_parts(self.slots_ptr(), self.nslots.get()) }
    }

    /// Save `slots` (the frame's, as it suspends).
    fn save_slots(&self, slots: &[Value]) {
        assert!(slots.len() <= self.capacity, "a frame outgrew its code's stack size");
        // SAFETY: room for `capacity` slots, which do not overlap the stack.
        unsafe { std::ptr::copy_nonoverlapping(slots.as_ptr(), self.slots_ptr(), slots.len()) };
        self.nslots.set(slots.len());
    }

    /// Drop the top saved operand (the sub-iterator of a finished `yield from`).
    fn pop_slot(&self) {
        self.nslots.set(self.nslots.get().saturating_sub(1));
    }

    fn noun(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// `RETURN_GENERATOR`: make the generator object for the top frame.
pub fn from_frame(vm: &mut Vm) -> Value {
    let frame = vm.thread.frames.last().expect("a frame");
    let code = frame.code;
    let flags = code.flags();
    let kind = if flags.has(CodeFlags::COROUTINE) {
        GenKind::Coroutine
    } else if flags.has(CodeFlags::ASYNC_GENERATOR) {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let capacity = code.nlocalsplus() + code.code.max_stack as usize;
    let (base, sp) = (frame.base, frame.sp);
    let (name, qualname) = match frame.func.downcast::<crate::types::function::PyFunction>() {
        Some(f) => (f.name.get(), f.qualname.get()),
        None => (code.name, code.qualname),
    };
    let payload = PyGenerator {
        header: ObjHeader::new(PyGenerator::LAYOUT, Value::NULL),
        kind,
        code,
        func: frame.func,
        globals: frame.globals,
        builtins: frame.builtins,
        locals: frame.locals,
        nslots: Cell::new(0),
        capacity,
        ip: Cell::new(frame.ip),
        lasti: Cell::new(frame.lasti),
        state: Cell::new(GenState::Created),
        name: ValueCell::new(name),
        qualname: ValueCell::new(qualname),
        handled_exception: ValueCell::new(Value::NULL),
        running_async: Cell::new(false),
        registered: Cell::new(false),
    };
    let ty = match kind {
        GenKind::Generator => vm.types.generator,
        GenKind::Coroutine => vm.types.coroutine,
        GenKind::AsyncGenerator => vm.types.async_generator,
    };
    let gen = vm.alloc_trailing(payload, ty, capacity * std::mem::size_of::<Value>(), |_| {});
    gen.save_slots(&vm.thread.stack[base..sp]);
    gen.value()
}

/// `YIELD_VALUE`: save the top frame into its generator and pop it.
pub fn suspend_frame(vm: &mut Vm) {
    let frame = vm.thread.frames.last().expect("a frame");
    if let Some(gen) = frame.generator.downcast::<PyGenerator>() {
        gen.save_slots(&vm.thread.stack[frame.base..frame.sp]);
        gen.ip.set(frame.ip);
        gen.lasti.set(frame.lasti);
    }
    pop_frame(vm);
}

/// How a resumption ended.
pub enum GenExit {
    Yield(Value),
    Return(Value),
}

/// Resume `gen`, sending `value` (or raising `throw` at the yield point).
pub fn resume(vm: &mut Vm, gen: Gc<PyGenerator>, value: Value, throw: Option<PyErr>) -> PyResult<GenExit> {
    match gen.state.get() {
        GenState::Running => {
            return Err(vm.value_error(format!("{} already executing", gen.noun())));
        }
        GenState::Finished => {
            if let Some(err) = throw {
                return Err(err);
            }
            return Err(match gen.kind {
                GenKind::Coroutine => vm.runtime_error("cannot reuse already awaited coroutine"),
                GenKind::AsyncGenerator => {
                    let ty = vm.exceptions.stop_async_iteration;
                    PyErr::from_exception(crate::types::exception::new_exception(vm, ty, &[]))
                }
                GenKind::Generator => vm.stop_iteration(Value::NULL),
            });
        }
        GenState::Created if throw.is_none() && !vm.is_none(value) => {
            return Err(vm.type_error(format!("can't send non-None value to a just-started {}", gen.noun())));
        }
        _ => {}
    }
    vm.check_native_stack()?;
    push_generator_frame(vm, gen, (throw.is_none()).then_some(value), true)?;
    let result = run_frames(vm, throw);
    swap_handled_exception(vm, gen);
    match result {
        Ok(Exit::Yield(v)) => {
            mark_suspended(vm, gen);
            Ok(GenExit::Yield(v))
        }
        Ok(Exit::Return(v)) => {
            finish(gen);
            Ok(GenExit::Return(v))
        }
        Err(err) => {
            finish(gen);
            Err(convert_stop_iteration(vm, gen, err))
        }
    }
}

/// Push `gen`'s frame with its saved slots (and `sent` on its stack, the
/// value its yield evaluates to), and mark it running.
fn push_generator_frame(vm: &mut Vm, gen: Gc<PyGenerator>, sent: Option<Value>, is_entry: bool) -> PyResult<()> {
    let base = push_frame_uninit(vm, gen.code, gen.func, gen.globals, gen.builtins, gen.locals, is_entry)?;
    let slots = gen.slots();
    let mut sp = base + slots.len();
    vm.thread.stack[base..sp].copy_from_slice(slots);
    if let Some(value) = sent {
        vm.thread.stack[sp] = value;
        sp += 1;
    }
    let frame = vm.thread.frames.last_mut().expect("frame");
    frame.ip = gen.ip.get();
    frame.lasti = gen.lasti.get();
    frame.generator = gen.value();
    frame.sp = sp;
    gen.nslots.set(0);
    gen.state.set(GenState::Running);
    swap_handled_exception(vm, gen);
    Ok(())
}

/// Entering a generator makes the exception it was handling when it last
/// yielded current and keeps the caller's in the generator; leaving swaps
/// them back. (While it runs, the caller's is the next link of CPython's
/// exception-info chain: see `Vm::topmost_handled_exception`.)
fn swap_handled_exception(vm: &mut Vm, gen: Gc<PyGenerator>) {
    let caller = vm.handled_exception;
    vm.handled_exception = gen.handled_exception.get();
    gen.handled_exception.set(caller);
}

/// The handled exception a running generator keeps for its caller.
pub(crate) fn caller_handled_exception(gen: Value) -> Option<Value> {
    gen.downcast::<PyGenerator>().map(|g| g.handled_exception.get())
}

fn mark_suspended(vm: &mut Vm, gen: Gc<PyGenerator>) {
    if !gen.registered.replace(true) {
        vm.finalizers.register(std::ptr::NonNull::from(gen.header()));
    }
    gen.state.set(GenState::Suspended);
}

/// A generator `FOR_ITER_GEN` can run inline: a plain generator, created or
/// suspended (running or finished ones take the generic path, which
/// raises or ends the loop).
#[inline]
pub fn inline_candidate(v: Value) -> Option<Gc<PyGenerator>> {
    v.downcast::<PyGenerator>()
        .filter(|g| g.kind == GenKind::Generator && matches!(g.state.get(), GenState::Created | GenState::Suspended))
}

/// A receiver `SEND` (`yield from`, `await`) can run inline with `value`:
/// a generator or coroutine that is suspended, or created and sent None.
#[inline]
pub fn inline_send_candidate(vm: &Vm, receiver: Value, value: Value) -> Option<Gc<PyGenerator>> {
    receiver.downcast::<PyGenerator>().filter(|g| {
        g.kind != GenKind::AsyncGenerator
            && match g.state.get() {
                GenState::Suspended => true,
                GenState::Created => vm.is_none(value),
                _ => false,
            }
    })
}

/// `FOR_ITER_GEN` and `SEND`: push `gen`'s frame over the caller's,
/// resumed with `sent`.
pub fn enter_inline(vm: &mut Vm, gen: Gc<PyGenerator>, sent: Value) -> PyResult<()> {
    push_generator_frame(vm, gen, Some(sent), false)
}

/// `YIELD_VALUE` in a frame entered by `enter_inline`: save and pop it.
pub fn suspend_inline(vm: &mut Vm) {
    let gen = running_inline(vm);
    suspend_frame(vm);
    swap_handled_exception(vm, gen);
    mark_suspended(vm, gen);
}

/// `RETURN_VALUE` in a frame entered by `enter_inline`: pop it, and go on
/// in the caller at the target of the instruction that entered it. A `for`
/// ends (the generator leaves its stack; the value is ignored); a `SEND`
/// replaces the generator with the value, as `yield from` evaluates to it.
pub fn return_inline(vm: &mut Vm, value: Value) {
    let gen = running_inline(vm);
    pop_frame(vm);
    swap_handled_exception(vm, gen);
    finish(gen);
    let caller = vm.thread.frames.last_mut().expect("the frame that entered the generator");
    let unit = caller.code.instructions[caller.lasti].get();
    if unit as u8 == Opcode::SEND as u8 {
        vm.thread.stack[caller.sp - 1] = value;
    } else {
        debug_assert_eq!(Instruction::decode(unit).map(|i| i.op.base()), Some(Opcode::FOR_ITER));
        caller.sp -= 1;
    }
    caller.ip = (unit >> 8) as usize;
}

/// The unwinder popped a frame entered by `enter_inline`: the generator is
/// finished, and the error its caller sees is what `resume` would return.
pub fn unwind_inline(vm: &mut Vm, gen: Gc<PyGenerator>, err: PyErr) -> PyErr {
    swap_handled_exception(vm, gen);
    finish(gen);
    convert_stop_iteration(vm, gen, err)
}

fn running_inline(vm: &Vm) -> Gc<PyGenerator> {
    let frame = vm.thread.frames.last().expect("a generator frame");
    debug_assert!(!frame.is_entry);
    frame.generator.downcast::<PyGenerator>().expect("a generator frame")
}

fn finish(gen: Gc<PyGenerator>) {
    gen.state.set(GenState::Finished);
    gen.nslots.set(0);
    gen.handled_exception.set(Value::NULL);
}

/// PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
fn convert_stop_iteration(vm: &mut Vm, gen: Gc<PyGenerator>, err: PyErr) -> PyErr {
    let (ty, message) = match gen.kind {
        GenKind::AsyncGenerator if vm.error_matches(err, vm.exceptions.stop_async_iteration) => {
            (vm.exceptions.stop_async_iteration, "async generator raised StopAsyncIteration")
        }
        _ if vm.error_matches(err, vm.exceptions.stop_iteration) => (
            vm.exceptions.stop_iteration,
            if gen.kind == GenKind::Generator {
                "generator raised StopIteration"
            } else if gen.kind == GenKind::Coroutine {
                "coroutine raised StopIteration"
            } else {
                "async generator raised StopIteration"
            },
        ),
        _ => return err,
    };
    let _ = ty;
    let new = vm.runtime_error(message);
    if let Some(e) = new.exception().downcast::<PyBaseException>() {
        e.cause.set(err.exception());
        e.context.set(err.exception());
        e.suppress_context.set(true);
    }
    new
}

/// Whether closing the generator would run any of its code: it is
/// suspended where an exception handler (`try`, `with`) covers it.
pub fn needs_close(gen: Gc<PyGenerator>) -> bool {
    gen.state.get() == GenState::Suspended && gen.code.code.handler_for(gen.lasti.get() as u32).is_some()
}

/// Run `gen` until it is exhausted or `consume` stops it, handing each
/// value it yields to `consume` from inside the generator's frame: the
/// frame stays on the stack between items instead of being copied out and
/// back in for every one (what `sum(x for x in ...)`, `list(gen)` and
/// `str.join` spend most of their time on). `consume` returns true to go
/// on; its error stops the generator at that yield (suspended, as after a
/// `next()`) and is returned. It runs with the caller's handled exception,
/// as outside the generator; the generator counts as running meanwhile
/// (so a `consume` that resumed the same generator would get CPython's
/// "generator already executing", where CPython would let it).
pub fn drive(
    vm: &mut Vm,
    gen: Gc<PyGenerator>,
    consume: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<()> {
    if !matches!(gen.state.get(), GenState::Created | GenState::Suspended) || gen.kind != GenKind::Generator {
        while let Some(v) = next(vm, gen)? {
            if !consume(vm, v)? {
                break;
            }
        }
        return Ok(());
    }
    vm.check_native_stack()?;
    let none = vm.none();
    push_generator_frame(vm, gen, Some(none), true)?;
    let mut failure = None;
    let mut sink = |vm: &mut Vm, v: Value| {
        // The consumer sees the caller's handled exception (which the
        // generator keeps while it runs, so the exception-info chain
        // through its frame reads the same).
        let own = std::mem::replace(&mut vm.handled_exception, gen.handled_exception.get());
        let go = consume(vm, v);
        vm.handled_exception = own;
        go.unwrap_or_else(|err| {
            failure = Some(err);
            false
        })
    };
    let result = run_frames_into(vm, &mut sink);
    swap_handled_exception(vm, gen);
    match result {
        Ok(Exit::Yield(_)) => {
            mark_suspended(vm, gen);
            failure.map_or(Ok(()), Err)
        }
        Ok(Exit::Return(_)) => {
            finish(gen);
            Ok(())
        }
        Err(err) => {
            finish(gen);
            Err(convert_stop_iteration(vm, gen, err))
        }
    }
}

/// `next(gen)` for iteration: `None` when it returns.
pub fn next(vm: &mut Vm, gen: Gc<PyGenerator>) -> PyResult<Option<Value>> {
    let none = vm.none();
    match resume(vm, gen, none, None) {
        Ok(GenExit::Yield(v)) => Ok(Some(v)),
        Ok(GenExit::Return(_)) => Ok(None),
        Err(err)
            if gen.kind == GenKind::Generator
                && vm.error_matches(err, vm.exceptions.stop_iteration)
                && gen.state.get() == GenState::Finished =>
        {
            Ok(None)
        }
        Err(err) => Err(err),
    }
}

/// `gen.send(value)`: the yielded value, or StopIteration with the return value.
pub fn send(vm: &mut Vm, gen: Gc<PyGenerator>, value: Value) -> PyResult {
    match resume(vm, gen, value, None)? {
        GenExit::Yield(v) => Ok(v),
        GenExit::Return(v) => Err(return_error(vm, gen, v)),
    }
}

fn return_error(vm: &mut Vm, gen: Gc<PyGenerator>, v: Value) -> PyErr {
    if gen.kind == GenKind::AsyncGenerator {
        let ty = vm.exceptions.stop_async_iteration;
        return PyErr::from_exception(crate::types::exception::new_exception(vm, ty, &[]));
    }
    let arg = if vm.is_none(v) { Value::NULL } else { v };
    vm.stop_iteration(arg)
}

/// The sub-iterator a suspended generator delegates to (`yield from`/`await`).
fn delegate(gen: Gc<PyGenerator>) -> Option<Value> {
    if gen.state.get() != GenState::Suspended {
        return None;
    }
    let unit = gen.code.instructions.get(gen.ip.get())?.get();
    let instr = Instruction::decode(unit)?;
    if instr.op == Opcode::RESUME && instr.arg >= 2 {
        gen.slots().last().copied()
    } else {
        None
    }
}

/// Whether a coroutine is suspended inside an `await` (CPython's `_PyGen_yf`).
pub fn is_awaiting(gen: Gc<PyGenerator>) -> bool {
    delegate(gen).is_some()
}

/// The index of the SEND that owns the yield the generator is suspended at.
fn send_instruction(gen: Gc<PyGenerator>) -> Option<(usize, u32)> {
    // Layout: SEND target; YIELD_VALUE; RESUME n  (ip points at RESUME).
    let send_at = gen.ip.get().checked_sub(2)?;
    let instr = Instruction::decode(gen.code.instructions.get(send_at)?.get())?;
    (instr.op == Opcode::SEND).then_some((send_at, instr.arg))
}

/// `gen.throw(exc)`.
pub fn throw(vm: &mut Vm, gen: Gc<PyGenerator>, exc: Value) -> PyResult<GenExit> {
    if let Some(sub) = delegate(gen) {
        let is_exit = vm.is_instance(exc, vm.exceptions.generator_exit);
        let result = if is_exit {
            // Close the sub-iterator, then throw into this generator.
            close_value(vm, sub).map(|_| None)
        } else if let Some(sub_gen) = sub.downcast::<PyGenerator>() {
            gen.state.set(GenState::Running);
            let r = throw(vm, sub_gen, exc);
            gen.state.set(GenState::Suspended);
            r.map(|exit| {
                Some(match exit {
                    GenExit::Yield(v) => Ok(v),
                    GenExit::Return(v) => Err(v),
                })
            })
        } else {
            match attr::getattr_opt(vm, sub, "throw")? {
                Some(method) => {
                    gen.state.set(GenState::Running);
                    let r = call::call(vm, method, &[exc]);
                    gen.state.set(GenState::Suspended);
                    match r {
                        Ok(v) => Ok(Some(Ok(v))),
                        Err(err) if vm.error_matches(err, vm.exceptions.stop_iteration) => {
                            let value = attr::getattr_opt(vm, err.exception(), "value")?.unwrap_or(vm.none());
                            Ok(Some(Err(value)))
                        }
                        Err(err) => Err(err),
                    }
                }
                None => Ok(None),
            }
        };
        match result {
            Ok(Some(Ok(yielded))) => return Ok(GenExit::Yield(yielded)),
            Ok(Some(Err(returned))) => {
                // The sub-iterator finished: leave the SEND loop with its value.
                if let Some((_, target)) = send_instruction(gen) {
                    gen.pop_slot();
                    gen.ip.set(target as usize);
                    return resume(vm, gen, returned, None);
                }
            }
            Ok(None) => {}
            Err(err) => {
                // The error comes out of the SEND loop: raise it in this frame.
                gen.pop_slot();
                if let Some((send_at, _)) = send_instruction(gen) {
                    gen.lasti.set(send_at);
                }
                return resume(vm, gen, Value::NULL, Some(err));
            }
        }
    }
    let err = PyErr::from_exception(exc);
    if gen.state.get() == GenState::Created {
        finish(gen);
        return Err(err);
    }
    resume(vm, gen, Value::NULL, Some(err))
}

/// Normalise `throw(type[, value[, tb]])` arguments to an exception instance.
fn exception_from_throw_args(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let typ = args[0];
    let val = args.get(1).copied().filter(|v| !vm.is_none(*v));
    if let Some(ty) = typ.downcast::<PyType>() {
        if !ty.has_flag(crate::types::typeobject::flags::EXCEPTION) {
            return Err(vm.type_error("exceptions must be classes or instances deriving from BaseException, not type"));
        }
        return match val {
            Some(v) if vm.is_instance(v, ty) => Ok(v),
            Some(v) => call::call(vm, typ, &[v]),
            None => call::call(vm, typ, &[]),
        };
    }
    if typ.downcast::<PyBaseException>().is_some() {
        if val.is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        return Ok(typ);
    }
    let tn = vm.type_name(typ);
    Err(vm.type_error(format!("exceptions must be classes or instances deriving from BaseException, not {tn}")))
}

/// Close a generator: throw GeneratorExit and expect it to finish.
pub fn close(vm: &mut Vm, gen: Gc<PyGenerator>) -> PyResult<()> {
    if matches!(gen.state.get(), GenState::Finished) {
        return Ok(());
    }
    if gen.state.get() == GenState::Created {
        finish(gen);
        return Ok(());
    }
    let exit_type = vm.exceptions.generator_exit;
    let exc = crate::types::exception::new_exception(vm, exit_type, &[]);
    match throw(vm, gen, exc) {
        Ok(GenExit::Yield(_)) => Err(vm.runtime_error(format!("{} ignored GeneratorExit", gen.noun()))),
        Ok(GenExit::Return(_)) => Ok(()),
        Err(err)
            if vm.error_matches(err, vm.exceptions.generator_exit)
                || vm.error_matches(err, vm.exceptions.stop_iteration) =>
        {
            Ok(())
        }
        Err(err) => Err(err),
    }
}

fn close_value(vm: &mut Vm, sub: Value) -> PyResult<()> {
    if let Some(g) = sub.downcast::<PyGenerator>() {
        return close(vm, g);
    }
    if let Some(method) = attr::getattr_opt(vm, sub, "close")? {
        call::call(vm, method, &[])?;
    }
    Ok(())
}

fn this_gen(vm: &mut Vm, v: Value) -> PyResult<Gc<PyGenerator>> {
    v.downcast::<PyGenerator>().ok_or_else(|| vm.type_error("descriptor requires a generator object"))
}

fn gen_send_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, value] = args.exact::<2>(vm, "send")?;
    let gen = this_gen(vm, this)?;
    send(vm, gen, value)
}

fn gen_throw_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.positional_range(vm, "throw", 2, 4)?;
    let gen = this_gen(vm, all[0])?;
    let exc = exception_from_throw_args(vm, &all[1..])?;
    match throw(vm, gen, exc)? {
        GenExit::Yield(v) => Ok(v),
        GenExit::Return(v) => Err(return_error(vm, gen, v)),
    }
}

fn gen_close_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "close")?;
    let gen = this_gen(vm, this)?;
    close(vm, gen)?;
    Ok(vm.none())
}

fn gen_next_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__next__")?;
    let gen = this_gen(vm, this)?;
    let none = vm.none();
    send(vm, gen, none)
}

fn gen_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let gen = this_gen(vm, args.this())?;
    let qualname =
        gen.qualname.get().downcast::<crate::types::str::PyStr>().map(|s| s.as_str().to_string()).unwrap_or_default();
    let noun = match gen.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    let text = format!("<{noun} object {qualname} at {:#x}>", gen.value().to_bits());
    Ok(vm.new_str(&text))
}

/// `gi_frame`/`cr_frame`: a frame object for an unfinished generator
/// (a snapshot: the generator's frame lives in the generator itself).
fn gen_frame(vm: &mut Vm, g: Value) -> PyResult {
    let gen = this_gen(vm, g)?;
    if gen.state.get() == GenState::Finished {
        return Ok(vm.none());
    }
    Ok(crate::types::traceback::detached_frame(vm, gen.code, gen.globals.value(), gen.lasti.get()))
}

const GEN_GETSETS: &[GetSetDef] = &[
    GetSetDef::new(
        "__name__",
        |vm, g| Ok(this_gen(vm, g)?.name.get()),
        |vm, g, v| {
            this_gen(vm, g)?.name.set(v);
            Ok(())
        },
    ),
    GetSetDef::new(
        "__qualname__",
        |vm, g| Ok(this_gen(vm, g)?.qualname.get()),
        |vm, g, v| {
            this_gen(vm, g)?.qualname.set(v);
            Ok(())
        },
    ),
    GetSetDef::readonly("gi_running", |vm, g| {
        let running = this_gen(vm, g)?.state.get() == GenState::Running;
        Ok(vm.bool_value(running))
    }),
    GetSetDef::readonly("gi_code", |vm, g| Ok(this_gen(vm, g)?.code.value())),
    GetSetDef::readonly("gi_frame", gen_frame),
    GetSetDef::readonly("cr_frame", gen_frame),
    GetSetDef::readonly("gi_suspended", |vm, g| {
        let suspended = this_gen(vm, g)?.state.get() == GenState::Suspended;
        Ok(vm.bool_value(suspended))
    }),
    GetSetDef::readonly("gi_yieldfrom", |vm, g| {
        let gen = this_gen(vm, g)?;
        Ok(delegate(gen).unwrap_or(vm.none()))
    }),
    GetSetDef::readonly("cr_running", |vm, g| {
        let running = this_gen(vm, g)?.state.get() == GenState::Running;
        Ok(vm.bool_value(running))
    }),
    GetSetDef::readonly("cr_code", |vm, g| Ok(this_gen(vm, g)?.code.value())),
    GetSetDef::readonly("cr_await", |vm, g| {
        let gen = this_gen(vm, g)?;
        Ok(delegate(gen).unwrap_or(vm.none()))
    }),
];

pub static GENERATOR_SPEC: TypeSpec = TypeSpec {
    name: "generator",
    base: None,
    layout: PyGenerator::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__iter__", |_vm, args| Ok(args.this())),
        MethodDef::method("__next__", gen_next_method),
        MethodDef::method("send", gen_send_method),
        MethodDef::method("throw", gen_throw_method),
        MethodDef::method("close", gen_close_method),
        MethodDef::method("__repr__", gen_repr),
    ],
    getsets: GEN_GETSETS,
    doc: "",
};

pub static COROUTINE_SPEC: TypeSpec = TypeSpec {
    name: "coroutine",
    base: None,
    layout: PyGenerator::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__await__", |vm, args| {
            let gen = this_gen(vm, args.this())?;
            Ok(new_wrapper(vm, gen.value(), vm.types.coroutine_wrapper))
        }),
        MethodDef::method("send", gen_send_method),
        MethodDef::method("throw", gen_throw_method),
        MethodDef::method("close", gen_close_method),
        MethodDef::method("__repr__", gen_repr),
    ],
    getsets: GEN_GETSETS,
    doc: "",
};

pub static ASYNC_GENERATOR_SPEC: TypeSpec = TypeSpec {
    name: "async_generator",
    base: None,
    layout: PyGenerator::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__aiter__", |_vm, args| Ok(args.this())),
        MethodDef::method("__anext__", |vm, args| {
            let gen = this_gen(vm, args.this())?;
            let none = vm.none();
            Ok(new_asend(vm, gen, none, AsendMode::Send))
        }),
        MethodDef::method("asend", |vm, args| {
            let [this, value] = args.exact::<2>(vm, "asend")?;
            let gen = this_gen(vm, this)?;
            Ok(new_asend(vm, gen, value, AsendMode::Send))
        }),
        MethodDef::method("athrow", |vm, args| {
            let all = args.positional_range(vm, "athrow", 2, 4)?;
            let gen = this_gen(vm, all[0])?;
            let exc = exception_from_throw_args(vm, &all[1..])?;
            Ok(new_asend(vm, gen, exc, AsendMode::Throw))
        }),
        MethodDef::method("aclose", |vm, args| {
            let gen = this_gen(vm, args.this())?;
            let none = vm.none();
            Ok(new_asend(vm, gen, none, AsendMode::Close))
        }),
        MethodDef::method("__repr__", gen_repr),
    ],
    getsets: &[
        GetSetDef::readonly("ag_running", |vm, g| {
            let running = this_gen(vm, g)?.running_async.get();
            Ok(vm.bool_value(running))
        }),
        GetSetDef::readonly("ag_code", |vm, g| Ok(this_gen(vm, g)?.code.value())),
        GetSetDef::readonly("__name__", |vm, g| Ok(this_gen(vm, g)?.name.get())),
        GetSetDef::readonly("__qualname__", |vm, g| Ok(this_gen(vm, g)?.qualname.get())),
    ],
    doc: "",
};

// ---- awaitable helpers ----------------------------------------------------------------------

/// A small object wrapping another: the coroutine wrapper returned by
/// `coroutine.__await__`, and the marker an async generator yields values in.
#[repr(C)]
pub struct PyWrapper {
    header: ObjHeader,
    pub inner: Value,
}

impl_payload!(PyWrapper, AwaitableWrapper);

impl PyWrapper {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.inner);
    }
}

fn new_wrapper(vm: &mut Vm, inner: Value, ty: Gc<PyType>) -> Value {
    vm.alloc(PyWrapper { header: ObjHeader::new(PyWrapper::LAYOUT, Value::NULL), inner }, ty).value()
}

/// `ASYNC_GEN_WRAP`: mark a value yielded by an async generator.
pub fn async_gen_wrap(vm: &mut Vm, value: Value) -> Value {
    let ty = vm.types.async_gen_wrapped;
    new_wrapper(vm, value, ty)
}

fn wrapped_inner(vm: &Vm, v: Value) -> Option<Value> {
    if vm.is_exact(v, vm.types.async_gen_wrapped) {
        v.downcast::<PyWrapper>().map(|w| w.inner)
    } else {
        None
    }
}

fn wrapper_target(vm: &mut Vm, v: Value) -> PyResult<Gc<PyGenerator>> {
    let inner = v.downcast::<PyWrapper>().map(|w| w.inner).unwrap_or(Value::NULL);
    this_gen(vm, inner)
}

pub static COROUTINE_WRAPPER_SPEC: TypeSpec = TypeSpec {
    name: "coroutine_wrapper",
    base: None,
    layout: PyWrapper::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__iter__", |_vm, args| Ok(args.this())),
        MethodDef::method("__next__", |vm, args| {
            let gen = wrapper_target(vm, args.this())?;
            let none = vm.none();
            send(vm, gen, none)
        }),
        MethodDef::method("send", |vm, args| {
            let [this, value] = args.exact::<2>(vm, "send")?;
            let gen = wrapper_target(vm, this)?;
            send(vm, gen, value)
        }),
        MethodDef::method("throw", |vm, args| {
            let all = args.positional_range(vm, "throw", 2, 4)?;
            let gen = wrapper_target(vm, all[0])?;
            let exc = exception_from_throw_args(vm, &all[1..])?;
            match throw(vm, gen, exc)? {
                GenExit::Yield(v) => Ok(v),
                GenExit::Return(v) => Err(return_error(vm, gen, v)),
            }
        }),
        MethodDef::method("close", |vm, args| {
            let gen = wrapper_target(vm, args.this())?;
            close(vm, gen)?;
            Ok(vm.none())
        }),
    ],
    getsets: &[],
    doc: "",
};

pub static ASYNC_GEN_WRAPPED_SPEC: TypeSpec = TypeSpec {
    name: "async_generator_wrapped_value",
    base: None,
    layout: PyWrapper::LAYOUT,
    layout_with_attrs: None,
    methods: &[],
    getsets: &[],
    doc: "",
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum AsendMode {
    Send,
    Throw,
    Close,
}

/// The awaitable of `agen.__anext__()`, `asend()`, `athrow()`, `aclose()`.
#[repr(C)]
pub struct PyAsyncGenSend {
    header: ObjHeader,
    gen: Gc<PyGenerator>,
    value: ValueCell,
    mode: AsendMode,
    started: Cell<bool>,
    done: Cell<bool>,
}

impl_payload!(PyAsyncGenSend, AsyncGenSend);

impl PyAsyncGenSend {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.gen.value(), self.value.get()]);
    }
}

fn new_asend(vm: &mut Vm, gen: Gc<PyGenerator>, value: Value, mode: AsendMode) -> Value {
    let ty = vm.types.async_gen_asend;
    let payload = PyAsyncGenSend {
        header: ObjHeader::new(PyAsyncGenSend::LAYOUT, Value::NULL),
        gen,
        value: ValueCell::new(value),
        mode,
        started: Cell::new(false),
        done: Cell::new(false),
    };
    vm.alloc(payload, ty).value()
}

/// Drive the async generator one step for an awaitable: a wrapped value
/// means the async generator produced an item (StopIteration(item) ends the
/// await); anything else was awaited inside it and is passed outwards.
fn asend_step(vm: &mut Vm, a: Gc<PyAsyncGenSend>, sent: Value, thrown: Option<Value>) -> PyResult {
    if a.done.get() {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let gen = a.gen;
    let first = !a.started.get();
    a.started.set(true);
    let result = match (thrown, first, a.mode) {
        (Some(exc), _, _) => throw(vm, gen, exc),
        (None, true, AsendMode::Send) => {
            let v = a.value.get();
            resume_or_stop(vm, gen, v)
        }
        (None, true, AsendMode::Throw) => {
            let exc = a.value.get();
            throw(vm, gen, exc)
        }
        (None, true, AsendMode::Close) => {
            let exit_type = vm.exceptions.generator_exit;
            let exc = crate::types::exception::new_exception(vm, exit_type, &[]);
            throw(vm, gen, exc)
        }
        (None, false, _) => resume_or_stop(vm, gen, sent),
    };
    let result = match result {
        Ok(r) => r,
        Err(err) => {
            a.done.set(true);
            if a.mode == AsendMode::Close
                && (vm.error_matches(err, vm.exceptions.generator_exit)
                    || vm.error_matches(err, vm.exceptions.stop_async_iteration))
            {
                return Err(vm.stop_iteration(Value::NULL));
            }
            return Err(err);
        }
    };
    match result {
        GenExit::Yield(v) => match wrapped_inner(vm, v) {
            Some(item) => {
                a.done.set(true);
                if a.mode == AsendMode::Close {
                    return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                }
                Err(vm.stop_iteration(item))
            }
            None => Ok(v),
        },
        GenExit::Return(_) => {
            a.done.set(true);
            if a.mode == AsendMode::Close {
                return Err(vm.stop_iteration(Value::NULL));
            }
            let ty = vm.exceptions.stop_async_iteration;
            Err(PyErr::from_exception(crate::types::exception::new_exception(vm, ty, &[])))
        }
    }
}

fn resume_or_stop(vm: &mut Vm, gen: Gc<PyGenerator>, value: Value) -> PyResult<GenExit> {
    resume(vm, gen, value, None)
}

fn this_asend(vm: &mut Vm, v: Value) -> PyResult<Gc<PyAsyncGenSend>> {
    v.downcast::<PyAsyncGenSend>().ok_or_else(|| vm.type_error("expected an async generator awaitable"))
}

pub static ASYNC_GEN_ASEND_SPEC: TypeSpec = TypeSpec {
    name: "async_generator_asend",
    base: None,
    layout: PyAsyncGenSend::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__await__", |_vm, args| Ok(args.this())),
        MethodDef::method("__iter__", |_vm, args| Ok(args.this())),
        MethodDef::method("__next__", |vm, args| {
            let a = this_asend(vm, args.this())?;
            let none = vm.none();
            asend_step(vm, a, none, None)
        }),
        MethodDef::method("send", |vm, args| {
            let [this, value] = args.exact::<2>(vm, "send")?;
            let a = this_asend(vm, this)?;
            asend_step(vm, a, value, None)
        }),
        MethodDef::method("throw", |vm, args| {
            let all = args.positional_range(vm, "throw", 2, 4)?;
            let a = this_asend(vm, all[0])?;
            let exc = exception_from_throw_args(vm, &all[1..])?;
            asend_step(vm, a, Value::NULL, Some(exc))
        }),
        MethodDef::method("close", |vm, args| {
            let a = this_asend(vm, args.this())?;
            a.done.set(true);
            Ok(vm.none())
        }),
    ],
    getsets: &[],
    doc: "",
};
