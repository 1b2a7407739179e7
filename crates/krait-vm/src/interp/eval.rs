//! The interpreter loop.
//!
//! `run_frames` runs the top frame of the thread (which must be marked
//! `is_entry`) until it returns or yields. Calls from Python to Python
//! functions push a frame and continue in this same loop; returning pops it
//! and continues in the caller. Calls that go through Rust (a builtin calling
//! back into Python, a dunder method invoked by an operator) start a nested
//! `run_frames` for the callee, bounded by the recursion limit and by the
//! native stack check.
//!
//! The loop keeps the current instruction pointer, stack pointer and frame
//! base in locals, and stores `sp` and `lasti` into the frame before each
//! instruction: a nested frame is then always placed above every live value,
//! and a traceback always sees the right instruction.
//!
//! Exceptions are unwound through the code object's exception table
//! (`unwind`): the handler's depth says how far to pop the operand stack; a
//! frame without a handler is popped and the exception continues in its
//! caller, or leaves the loop if the frame was the entry frame.

use krait_bytecode::{BinaryOp, ComparisonOp, Instruction, Opcode};

use crate::error::{PyErr, PyResult};
use crate::interp::frame::Frame;
use crate::interp::specialize::{self, Site};
use crate::interp::{call, ops, unwind};
use crate::object::{Gc, LayoutKind};
use crate::protocol;
use crate::types::descriptor::PyBoundMethod;
use crate::types::dict::PyDict;
use crate::types::float;
use crate::types::function::{PyCell, PyCode, PyFunction};
use crate::types::iterator::UNPACKED_MAX;
use crate::types::list::PyList;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::Vm;

/// How a run of the loop ended.
pub enum Exit {
    Return(Value),
    /// The entry frame (a generator's) yielded; its state was saved into
    /// the generator.
    Yield(Value),
}

/// How many operands a caller's call instruction still has on its stack
/// when the callee returns: `CALL`'s callable, NULL-or-self and arguments;
/// nothing for `CALL_FUNCTION_EX`, which pops them before pushing the
/// frame; the owner for `LOAD_ATTR_PROPERTY`.
#[inline(always)]
fn call_operands(call_unit: u32) -> usize {
    let op = call_unit as u8;
    if op == Opcode::CALL_FUNCTION_EX as u8 {
        0
    } else if op == Opcode::LOAD_ATTR_PROPERTY as u8 {
        1
    } else {
        (call_unit >> 8) as usize + 2
    }
}

/// Run the top frame until it returns or yields. If `pending` is given, the
/// frame starts by raising it at its current instruction (generator `throw`).
///
/// Records where on the native stack this run of the loop begins, so that
/// an explicit `gc.collect()` called straight from the loop's `CALL` can
/// leave the loop's own native frame (stale spilled values) out of the
/// conservative scan (`Vm::collect_fully`).
pub fn run_frames(vm: &mut Vm, pending: Option<PyErr>) -> PyResult<Exit> {
    run_frames_with(vm, pending, None)
}

/// A consumer of the values a generator's entry frame yields, called at
/// each `YIELD_VALUE` in place of leaving the loop: true when it took the
/// value and the generator should go on (its yield evaluates to None),
/// false to suspend the generator there and leave.
pub type YieldSink<'a> = &'a mut dyn FnMut(&mut Vm, Value) -> bool;

/// `run_frames` for a generator's entry frame whose yields go to `sink`
/// (see `generator::drive`).
pub fn run_frames_into(vm: &mut Vm, sink: YieldSink<'_>) -> PyResult<Exit> {
    run_frames_with(vm, None, Some(sink))
}

fn run_frames_with(vm: &mut Vm, pending: Option<PyErr>, sink: Option<YieldSink<'_>>) -> PyResult<Exit> {
    let marker = 0u8;
    let here = std::hint::black_box(&marker) as *const u8 as usize;
    let outer = std::mem::replace(&mut vm.thread.native_entry, here);
    let result = run_frames_inner(vm, pending, sink);
    vm.thread.native_entry = outer;
    result
}

#[inline(never)]
fn run_frames_inner(vm: &mut Vm, pending: Option<PyErr>, mut sink: Option<YieldSink<'_>>) -> PyResult<Exit> {
    let stack: *mut Value = vm.thread.stack.as_mut_ptr();
    let mut frame: *mut Frame;
    let mut code: Gc<PyCode>;
    let mut instrs: *const std::cell::Cell<u32>;
    let mut ip: usize;
    let mut sp: usize;
    let mut base: usize;
    // The names of the keyword arguments of the next CALL (from KW_NAMES).
    let mut kwnames: Option<Gc<PyTuple>> = None;

    // SAFETY (for the whole loop): `stack` points at the thread's value
    // stack, which is allocated once and never moved; every frame's slots
    // lie inside it (push_frame checks the capacity). `frame` points into
    // `vm.thread.frames`, which never reallocates (its capacity is
    // MAX_FRAMES, enforced by push_frame), and is reloaded whenever the
    // frame stack changes. `instrs` points at the current code object's
    // instructions, kept alive by the frame. The compiler guarantees stack
    // discipline (max_stack bounds the operand stack, arguments are in range).
    unsafe {
        macro_rules! load_frame {
            () => {{
                frame = vm.thread.frames.last_mut().expect("a frame to run") as *mut Frame;
                code = (*frame).code;
                instrs = code.instructions.as_ptr();
                ip = (*frame).ip;
                sp = (*frame).sp;
                base = (*frame).base;
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                *stack.add(sp) = v;
                sp += 1;
            }};
        }
        macro_rules! pop {
            () => {{
                sp -= 1;
                *stack.add(sp)
            }};
        }
        macro_rules! top {
            () => {
                *stack.add(sp - 1)
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                *stack.add(sp - $n)
            };
        }
        macro_rules! local {
            ($i:expr) => {
                *stack.add(base + $i as usize)
            };
        }

        load_frame!();
        if let Some(err) = pending {
            // A generator's `throw`: raise at its current instruction.
            unwind::unwind(vm, err, false)?;
            load_frame!();
        }
        'dispatch: loop {
            // Raise `err` in the current frame (`reraise`: from RERAISE, which
            // adds no traceback entry): continue at its handler, in this frame
            // or a caller's, or leave the loop if the entry frame has none.
            macro_rules! raise {
                ($err:expr, $reraise:expr) => {{
                    (*frame).sp = sp;
                    kwnames = None;
                    unwind::unwind(vm, $err, $reraise)?;
                    load_frame!();
                    continue 'dispatch;
                }};
            }

            let unit = (*instrs.add(ip)).get();
            // Instructions are written only by the compiler and by
            // quickening, both of which write valid opcodes.
            let instr = Instruction { op: Opcode::from_u8_unchecked(unit as u8), arg: unit >> 8 };
            let at = ip;
            (*frame).lasti = at;
            (*frame).sp = sp;
            let arg = instr.arg;
            // (Instructions with inline caches step over them themselves,
            // by a constant: `skip_cache!`. Computing the step here from
            // the opcode would put a table load on the path from one
            // instruction's fetch to the next.)
            ip += 1;
            // This instruction's inline cache (for the quickened families).
            let site = Site::new(instrs.add(at));

            let outcome: PyResult<()> = 'op: {
                // A specialised form's guard failed: run the generic form.
                macro_rules! deopt {
                    () => {{
                        site.deoptimize(instr.op);
                        ip = at;
                        continue 'dispatch;
                    }};
                }
                // `+`, `-` or `*` of two floats, or of a float and a small
                // int: IEEE arithmetic cannot raise, and the result is
                // usually an immediate float.
                macro_rules! float_arithmetic {
                    ($op:tt) => {{
                        let (lhs, rhs) = (peek!(2), peek!(1));
                        let operands = (specialize::float_operand(vm, lhs), specialize::float_operand(vm, rhs));
                        let (Some(x), Some(y)) = operands else { deopt!() };
                        if lhs.is_small_int() && rhs.is_small_int() {
                            deopt!();
                        }
                        let r = vm.new_float(x $op y);
                        sp -= 1;
                        *stack.add(sp - 1) = r;
                    }};
                }
                // A jump back to a loop header (`ip`): with a JIT installed,
                // count the loop; the JIT may run its machine code, which
                // writes the frame back (`jit_hooks`).
                macro_rules! jit_backward_jump {
                    () => {{
                        if vm.jit.hooks.is_some() {
                            (*frame).ip = ip;
                            (*frame).sp = sp;
                            // Compiled code may yield to the consumer of
                            // the entry frame of a driven generator.
                            let sink = if (*frame).is_entry { sink.as_mut() } else { None };
                            if crate::jit_hooks::on_backward_jump(vm, code, ip, sink) {
                                load_frame!();
                                if vm.jit.yield_top {
                                    // It left at a yield the consumer refused.
                                    vm.jit.yield_top = false;
                                    let v = pop!();
                                    (*frame).sp = sp;
                                    crate::types::generator::suspend_frame(vm);
                                    return Ok(Exit::Yield(v));
                                }
                            }
                        }
                    }};
                }
                // Push a comparison's result, or take the conditional jump
                // that follows it without materialising the bool.
                macro_rules! push_bool_or_branch {
                    ($b:expr) => {{
                        let b: bool = $b;
                        let next = (*instrs.add(ip)).get();
                        if next as u8 == Opcode::POP_JUMP_IF_FALSE as u8 {
                            ip = if b { ip + 1 } else { (next >> 8) as usize };
                        } else if next as u8 == Opcode::POP_JUMP_IF_TRUE as u8 {
                            ip = if b { (next >> 8) as usize } else { ip + 1 };
                        } else {
                            push!(vm.bool_value(b));
                        }
                        if ip < at {
                            jit_backward_jump!();
                        }
                    }};
                }
                // `CALL` of a bound Python method with a NULL below it: call
                // its function with `self` in the NULL's place instead, so
                // the call stays in this loop.
                macro_rules! unpack_bound_method {
                    ($n:expr) => {{
                        if peek!($n + 2).is_null() {
                            if let Some(m) = peek!($n + 1).downcast::<PyBoundMethod>() {
                                if m.func.has_kind(LayoutKind::Function) {
                                    *stack.add(sp - $n - 2) = m.func;
                                    *stack.add(sp - $n - 1) = m.this;
                                }
                            }
                        }
                    }};
                }
                // A `CALL n`'s operands: (the callable, where its arguments
                // start, how many: `self` first, and one more, when
                // LOAD_METHOD found a method).
                macro_rules! call_layout {
                    ($n:expr) => {{
                        let method = peek!($n + 2);
                        if method.is_null() {
                            (peek!($n + 1), sp - $n, $n)
                        } else {
                            (method, sp - $n - 1, $n + 1)
                        }
                    }};
                }
                // Step over the inline cache of an instruction of `family`.
                macro_rules! skip_cache {
                    ($family:ident) => {
                        ip += const { Opcode::$family.cache_units() }
                    };
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op Err(e),
                        }
                    };
                }
                match instr.op {
                    Opcode::NOP => {}
                    Opcode::RESUME => {
                        if vm.finalizers_due {
                            vm.run_finalizers();
                        }
                    }
                    Opcode::POP_TOP => {
                        sp -= 1;
                        let v = *stack.add(sp);
                        if v.has_kind(LayoutKind::Generator) {
                            // A generator dropped (a `for` loop left by
                            // `break`/`return`): close it now if that was
                            // its last reference (see `gc` on prompt
                            // collection). The stale slot must not keep it.
                            *stack.add(sp) = Value::NULL;
                            (*frame).sp = sp;
                            vm.collect_abandoned_generator(v);
                        }
                    }
                    Opcode::PUSH_NULL => push!(Value::NULL),
                    Opcode::COPY => {
                        let v = peek!(arg as usize);
                        push!(v);
                    }
                    Opcode::SWAP => {
                        let a = sp - 1;
                        let b = sp - arg as usize;
                        std::ptr::swap(stack.add(a), stack.add(b));
                    }
                    Opcode::LOAD_CONST => push!(*code.consts.get_unchecked(arg as usize)),
                    Opcode::LOAD_FAST => {
                        let v = local!(arg);
                        if v.is_null() {
                            break 'op Err(ops::unbound_local(vm, code, arg as usize));
                        }
                        push!(v);
                    }
                    Opcode::STORE_FAST => {
                        let v = pop!();
                        local!(arg) = v;
                    }
                    Opcode::DELETE_FAST => {
                        if local!(arg).is_null() {
                            break 'op Err(ops::unbound_local(vm, code, arg as usize));
                        }
                        local!(arg) = Value::NULL;
                    }
                    Opcode::MAKE_CELL => {
                        let v = local!(arg);
                        let cell = PyCell::new_value(vm, v);
                        local!(arg) = cell;
                    }
                    Opcode::COPY_FREE_VARS => {
                        let n = arg as usize;
                        let closure = (*frame)
                            .func
                            .downcast::<PyFunction>()
                            .and_then(|f| f.closure.get().downcast::<PyTuple>())
                            .filter(|c| c.len() == n);
                        let Some(closure) = closure else {
                            break 'op Err(
                                vm.type_error(format!("code object requires a closure of exactly length {n}"))
                            );
                        };
                        let first = code.nlocalsplus() - n;
                        for i in 0..n {
                            local!(first + i) = closure.get(i);
                        }
                    }
                    Opcode::LOAD_CLOSURE => push!(local!(arg)),
                    Opcode::LOAD_DEREF => {
                        let cell = local!(arg).downcast::<PyCell>().expect("a cell");
                        let v = cell.contents.get();
                        if v.is_null() {
                            break 'op Err(ops::unbound_deref(vm, code, arg as usize));
                        }
                        push!(v);
                    }
                    Opcode::LOAD_CLASSDEREF => {
                        let name = code.localsplus_names[arg as usize];
                        let locals = (*frame).locals;
                        let found = tri!(ops::mapping_lookup(vm, locals, name));
                        match found {
                            Some(v) => push!(v),
                            None => {
                                let cell = local!(arg).downcast::<PyCell>().expect("a cell");
                                let v = cell.contents.get();
                                if v.is_null() {
                                    break 'op Err(ops::unbound_deref(vm, code, arg as usize));
                                }
                                push!(v);
                            }
                        }
                    }
                    Opcode::STORE_DEREF => {
                        let v = pop!();
                        let cell = local!(arg).downcast::<PyCell>().expect("a cell");
                        cell.contents.set(v);
                    }
                    Opcode::DELETE_DEREF => {
                        let cell = local!(arg).downcast::<PyCell>().expect("a cell");
                        if cell.contents.get().is_null() {
                            break 'op Err(ops::unbound_deref(vm, code, arg as usize));
                        }
                        cell.contents.set(Value::NULL);
                    }
                    Opcode::LOAD_NAME => {
                        let name = code.names[arg as usize];
                        let v = tri!(ops::load_name(vm, &*frame, name));
                        push!(v);
                    }
                    Opcode::STORE_NAME => {
                        let name = code.names[arg as usize];
                        let v = pop!();
                        tri!(ops::store_name(vm, &*frame, name, v));
                    }
                    Opcode::DELETE_NAME => {
                        let name = code.names[arg as usize];
                        tri!(ops::delete_name(vm, &*frame, name));
                    }
                    Opcode::LOAD_GLOBAL => {
                        skip_cache!(LOAD_GLOBAL);
                        let cache = instrs.add(at + 1);
                        let v = match ops::cached_global(&*frame, cache) {
                            Some(v) => v,
                            None => tri!(ops::load_global(vm, &*frame, code.names[(arg >> 1) as usize], cache)),
                        };
                        if arg & 1 != 0 {
                            push!(Value::NULL);
                        }
                        push!(v);
                    }
                    Opcode::STORE_GLOBAL => {
                        let name = code.names[arg as usize].downcast::<PyStr>().expect("str name");
                        let v = pop!();
                        (*frame).globals.set_str(vm, name, v);
                    }
                    Opcode::DELETE_GLOBAL => {
                        let name = code.names[arg as usize].downcast::<PyStr>().expect("str name");
                        if (*frame).globals.del_str(name).is_none() {
                            break 'op Err(vm.name_error(format!("name '{}' is not defined", name.as_str())));
                        }
                    }
                    Opcode::LOAD_ATTR => {
                        skip_cache!(LOAD_ATTR);
                        let name = code.names[arg as usize].downcast::<PyStr>().expect("str name");
                        let owner = top!();
                        if site.due() {
                            specialize::load_attr(vm, site, owner, name);
                        }
                        let v = tri!(protocol::attr::getattr(vm, owner, name));
                        *stack.add(sp - 1) = v;
                    }
                    Opcode::LOAD_ATTR_INSTANCE => {
                        skip_cache!(LOAD_ATTR);
                        match specialize::cached_instance_attr(vm, site, top!()) {
                            Some(v) => *stack.add(sp - 1) = v,
                            None => {
                                let name = code.names[arg as usize].downcast::<PyStr>().expect("str name");
                                if specialize::add_load_attr_entry(vm, site, top!(), name) {
                                    ip = at;
                                    continue 'dispatch;
                                }
                                deopt!()
                            }
                        }
                    }
                    Opcode::LOAD_ATTR_SLOT => {
                        skip_cache!(LOAD_ATTR);
                        match specialize::cached_slot(vm, site, top!()) {
                            Some(v) => *stack.add(sp - 1) = v,
                            None => deopt!(),
                        }
                    }
                    Opcode::LOAD_ATTR_PROPERTY => {
                        skip_cache!(LOAD_ATTR);
                        let owner = top!();
                        let Some(getter) = specialize::cached_property_getter(vm, site, owner) else { deopt!() };
                        // The owner is the getter's argument; its return
                        // value takes the owner's place (`call_operands`).
                        (*frame).ip = ip;
                        (*frame).sp = sp;
                        tri!(call::push_frame_over_args(vm, getter, sp - 1, 1));
                        load_frame!();
                        continue 'dispatch;
                    }
                    Opcode::LOAD_ATTR_MODULE => {
                        skip_cache!(LOAD_ATTR);
                        match specialize::cached_module_attr(vm, site, top!()) {
                            Some(v) => *stack.add(sp - 1) = v,
                            None => deopt!(),
                        }
                    }
                    Opcode::LOAD_METHOD_MODULE => {
                        skip_cache!(LOAD_METHOD);
                        match specialize::cached_module_attr(vm, site, top!()) {
                            Some(v) => {
                                *stack.add(sp - 1) = Value::NULL;
                                push!(v);
                            }
                            None => deopt!(),
                        }
                    }
                    Opcode::LOAD_METHOD_CACHED => {
                        skip_cache!(LOAD_METHOD);
                        let owner = top!();
                        match specialize::cached_method(vm, site, owner) {
                            Some(method) => {
                                *stack.add(sp - 1) = method;
                                push!(owner);
                            }
                            None => {
                                let name = code.names[arg as usize].downcast::<PyStr>().expect("str name");
                                if specialize::add_load_method_entry(vm, site, owner, name) {
                                    ip = at;
                                    continue 'dispatch;
                                }
                                deopt!()
                            }
                        }
                    }
                    Opcode::LOAD_METHOD => {
                        skip_cache!(LOAD_METHOD);
                        let name = code.names[arg as usize].downcast::<PyStr>().expect("str name");
                        let owner = top!();
                        if site.due() {
                            specialize::load_method(vm, site, owner, name);
                        }
                        match tri!(protocol::attr::load_method(vm, owner, name)) {
                            protocol::attr::Method::Unbound(method) => {
                                *stack.add(sp - 1) = method;
                                push!(owner);
                            }
                            protocol::attr::Method::Attribute(value) => {
                                *stack.add(sp - 1) = Value::NULL;
                                push!(value);
                            }
                        }
                    }
                    Opcode::STORE_ATTR => {
                        skip_cache!(STORE_ATTR);
                        let name = code.names[arg as usize].downcast::<PyStr>().expect("str name");
                        let owner = pop!();
                        let v = pop!();
                        if site.due() {
                            specialize::store_attr(vm, site, owner, name);
                        }
                        tri!(protocol::attr::setattr(vm, owner, name, v));
                    }
                    Opcode::STORE_ATTR_INSTANCE => {
                        skip_cache!(STORE_ATTR);
                        let name = code.names[arg as usize];
                        if !specialize::cached_store_attr(vm, site, peek!(1), name, peek!(2)) {
                            let name = name.downcast::<PyStr>().expect("str name");
                            if specialize::add_store_attr_entry(vm, site, peek!(1), name) {
                                ip = at;
                                continue 'dispatch;
                            }
                            deopt!();
                        }
                        sp -= 2;
                    }
                    Opcode::STORE_ATTR_SLOT => {
                        skip_cache!(STORE_ATTR);
                        if !specialize::cached_store_slot(vm, site, peek!(1), peek!(2)) {
                            deopt!();
                        }
                        sp -= 2;
                    }
                    Opcode::DELETE_ATTR => {
                        let name = code.names[arg as usize].downcast::<PyStr>().expect("str name");
                        let owner = pop!();
                        tri!(protocol::attr::delattr(vm, owner, name));
                    }
                    Opcode::BINARY_SUBSCR => {
                        skip_cache!(BINARY_SUBSCR);
                        let key = pop!();
                        let container = top!();
                        if site.due() {
                            specialize::binary_subscr(vm, site, container, key);
                        }
                        let v = tri!(protocol::sequence::getitem(vm, container, key));
                        *stack.add(sp - 1) = v;
                    }
                    Opcode::BINARY_SUBSCR_LIST_INT | Opcode::BINARY_SUBSCR_TUPLE_INT => {
                        skip_cache!(BINARY_SUBSCR);
                        let (container, key) = (peek!(2), peek!(1));
                        let exact =
                            if instr.op == Opcode::BINARY_SUBSCR_LIST_INT { vm.types.list } else { vm.types.tuple };
                        if !key.is_small_int() || !vm.is_exact(container, exact) {
                            deopt!();
                        }
                        let item = match container.downcast::<PyList>() {
                            Some(list) => ops::list_item(list, key.small_int_unchecked()),
                            None => container
                                .downcast::<PyTuple>()
                                .and_then(|t| ops::tuple_item(t, key.small_int_unchecked())),
                        };
                        let Some(item) = item else {
                            let what = if instr.op == Opcode::BINARY_SUBSCR_LIST_INT { "list" } else { "tuple" };
                            break 'op Err(vm.index_error(format!("{what} index out of range")));
                        };
                        sp -= 1;
                        *stack.add(sp - 1) = item;
                    }
                    Opcode::BINARY_SUBSCR_DICT => {
                        skip_cache!(BINARY_SUBSCR);
                        let (container, key) = (peek!(2), peek!(1));
                        if !vm.is_exact(container, vm.types.dict) {
                            deopt!();
                        }
                        let dict = container.downcast::<PyDict>().expect("dict");
                        match tri!(dict.get_item(vm, key)) {
                            Some(v) => {
                                sp -= 1;
                                *stack.add(sp - 1) = v;
                            }
                            None => break 'op Err(vm.key_error(key)),
                        }
                    }
                    Opcode::STORE_SUBSCR => {
                        skip_cache!(STORE_SUBSCR);
                        let key = pop!();
                        let container = pop!();
                        let v = pop!();
                        if site.due() {
                            specialize::store_subscr(vm, site, container, key);
                        }
                        tri!(protocol::sequence::setitem(vm, container, key, v));
                    }
                    Opcode::STORE_SUBSCR_LIST_INT => {
                        skip_cache!(STORE_SUBSCR);
                        let (value, container, key) = (peek!(3), peek!(2), peek!(1));
                        if !key.is_small_int() || !vm.is_exact(container, vm.types.list) {
                            deopt!();
                        }
                        let list = container.downcast::<PyList>().expect("list");
                        if !ops::set_list_item(list, key.small_int_unchecked(), value) {
                            break 'op Err(vm.index_error("list assignment index out of range"));
                        }
                        sp -= 3;
                    }
                    Opcode::STORE_SUBSCR_DICT => {
                        skip_cache!(STORE_SUBSCR);
                        let (value, container, key) = (peek!(3), peek!(2), peek!(1));
                        if !vm.is_exact(container, vm.types.dict) {
                            deopt!();
                        }
                        sp -= 3;
                        let dict = container.downcast::<PyDict>().expect("dict");
                        tri!(dict.set_item(vm, key, value));
                    }
                    Opcode::DELETE_SUBSCR => {
                        let key = pop!();
                        let container = pop!();
                        tri!(protocol::sequence::delitem(vm, container, key));
                    }
                    Opcode::UNARY_POSITIVE | Opcode::UNARY_NEGATIVE | Opcode::UNARY_INVERT => {
                        let v = top!();
                        let r = tri!(protocol::number::unary_op(vm, instr.op, v));
                        *stack.add(sp - 1) = r;
                    }
                    Opcode::UNARY_NOT => {
                        let v = top!();
                        let b = tri!(protocol::object::truthy(vm, v));
                        *stack.add(sp - 1) = vm.bool_value(!b);
                    }
                    Opcode::BINARY_OP => {
                        skip_cache!(BINARY_OP);
                        let rhs = pop!();
                        let lhs = top!();
                        let (op, inplace) = BinaryOp::decode(arg).unwrap_or((BinaryOp::Add, false));
                        if site.due() {
                            specialize::binary_op(vm, site, lhs, rhs, op);
                        }
                        let r = tri!(protocol::number::binary_op(vm, lhs, rhs, op, inplace));
                        *stack.add(sp - 1) = r;
                    }
                    Opcode::BINARY_OP_INT => {
                        skip_cache!(BINARY_OP);
                        let (lhs, rhs) = (peek!(2), peek!(1));
                        if !(lhs.is_small_int() && rhs.is_small_int()) {
                            deopt!();
                        }
                        let (op, _) = BinaryOp::decode(arg).unwrap_or((BinaryOp::Add, false));
                        let r = match specialize::small_int_op(op, lhs.small_int_unchecked(), rhs.small_int_unchecked())
                        {
                            Some(r) => r,
                            None => tri!(crate::types::int::int_binary_op(vm, op, lhs, rhs)),
                        };
                        sp -= 1;
                        *stack.add(sp - 1) = r;
                    }
                    Opcode::BINARY_OP_FLOAT => {
                        skip_cache!(BINARY_OP);
                        let (lhs, rhs) = (peek!(2), peek!(1));
                        let operands = (specialize::float_operand(vm, lhs), specialize::float_operand(vm, rhs));
                        let (Some(x), Some(y)) = operands else { deopt!() };
                        if lhs.is_small_int() && rhs.is_small_int() {
                            deopt!();
                        }
                        let (op, _) = BinaryOp::decode(arg).unwrap_or((BinaryOp::Add, false));
                        let r = tri!(crate::types::float::float_binary_op_f64(vm, op, x, y));
                        sp -= 1;
                        *stack.add(sp - 1) = r;
                    }
                    Opcode::BINARY_OP_ADD_FLOAT => {
                        skip_cache!(BINARY_OP);
                        float_arithmetic!(+);
                    }
                    Opcode::BINARY_OP_SUBTRACT_FLOAT => {
                        skip_cache!(BINARY_OP);
                        float_arithmetic!(-);
                    }
                    Opcode::BINARY_OP_MULTIPLY_FLOAT => {
                        skip_cache!(BINARY_OP);
                        float_arithmetic!(*);
                    }
                    Opcode::COMPARE_OP => {
                        skip_cache!(COMPARE_OP);
                        let rhs = pop!();
                        let lhs = top!();
                        let op = ComparisonOp::decode(arg).unwrap_or(ComparisonOp::Eq);
                        if site.due() {
                            specialize::compare_op(vm, site, lhs, rhs);
                        }
                        let r = tri!(protocol::compare::rich_compare(vm, lhs, rhs, op));
                        *stack.add(sp - 1) = r;
                    }
                    Opcode::COMPARE_OP_INT => {
                        skip_cache!(COMPARE_OP);
                        let (lhs, rhs) = (peek!(2), peek!(1));
                        if !(lhs.is_small_int() && rhs.is_small_int()) {
                            deopt!();
                        }
                        let op = ComparisonOp::decode(arg).unwrap_or(ComparisonOp::Eq);
                        sp -= 2;
                        push_bool_or_branch!(specialize::compare(
                            op,
                            lhs.small_int_unchecked(),
                            rhs.small_int_unchecked()
                        ));
                    }
                    Opcode::COMPARE_OP_STR => {
                        skip_cache!(COMPARE_OP);
                        let (lhs, rhs) = (peek!(2), peek!(1));
                        let str_type = vm.types.str;
                        if !(vm.is_exact(lhs, str_type) && vm.is_exact(rhs, str_type)) {
                            deopt!();
                        }
                        let x = lhs.downcast::<PyStr>().expect("str");
                        let y = rhs.downcast::<PyStr>().expect("str");
                        let op = ComparisonOp::decode(arg).unwrap_or(ComparisonOp::Eq);
                        // Code-point order is UTF-8 byte order.
                        let result = lhs.is(rhs)
                            && matches!(op, ComparisonOp::Eq | ComparisonOp::Le | ComparisonOp::Ge)
                            || !lhs.is(rhs) && specialize::compare(op, x.as_str(), y.as_str());
                        sp -= 2;
                        push_bool_or_branch!(result);
                    }
                    Opcode::COMPARE_OP_FLOAT => {
                        skip_cache!(COMPARE_OP);
                        let (lhs, rhs) = (peek!(2), peek!(1));
                        let (Some(x), Some(y)) = (float::exact_f64(vm, lhs), float::exact_f64(vm, rhs)) else {
                            deopt!();
                        };
                        let op = ComparisonOp::decode(arg).unwrap_or(ComparisonOp::Eq);
                        sp -= 2;
                        push_bool_or_branch!(specialize::compare(op, x, y));
                    }
                    Opcode::IS_OP => {
                        let rhs = pop!();
                        let lhs = top!();
                        *stack.add(sp - 1) = vm.bool_value(lhs.is(rhs) != (arg == 1));
                    }
                    Opcode::CONTAINS_OP => {
                        let container = pop!();
                        let item = top!();
                        let found = tri!(protocol::sequence::contains(vm, container, item));
                        *stack.add(sp - 1) = vm.bool_value(found != (arg == 1));
                    }
                    Opcode::BUILD_TUPLE => {
                        let n = arg as usize;
                        let items = std::slice::from_raw_parts(stack.add(sp - n), n);
                        let t = crate::types::tuple::new_tuple(vm, items);
                        sp -= n;
                        push!(t);
                    }
                    Opcode::BUILD_LIST => {
                        let n = arg as usize;
                        let items = std::slice::from_raw_parts(stack.add(sp - n), n);
                        let l = crate::types::list::new_list(vm, items);
                        sp -= n;
                        push!(l);
                    }
                    Opcode::BUILD_SET => {
                        let n = arg as usize;
                        let items = std::slice::from_raw_parts(stack.add(sp - n), n);
                        let set = tri!(crate::types::set::new_set(vm, Value::NULL));
                        for &item in items {
                            tri!(set.add(vm, item));
                        }
                        sp -= n;
                        push!(set.value());
                    }
                    Opcode::BUILD_MAP => {
                        let n = arg as usize;
                        let dict = PyDict::new(vm);
                        for i in 0..n {
                            let k = *stack.add(sp - 2 * n + 2 * i);
                            let v = *stack.add(sp - 2 * n + 2 * i + 1);
                            tri!(dict.set_item(vm, k, v));
                        }
                        sp -= 2 * n;
                        push!(dict.value());
                    }
                    Opcode::BUILD_CONST_KEY_MAP => {
                        let n = arg as usize;
                        let keys = pop!().downcast::<PyTuple>().expect("const key tuple");
                        let dict = PyDict::new(vm);
                        for i in 0..n {
                            let v = *stack.add(sp - n + i);
                            tri!(dict.set_item(vm, keys.get(i), v));
                        }
                        sp -= n;
                        push!(dict.value());
                    }
                    Opcode::BUILD_STRING => {
                        let n = arg as usize;
                        let items = std::slice::from_raw_parts(stack.add(sp - n), n);
                        let mut text = String::new();
                        for &item in items {
                            if let Some(s) = item.downcast::<PyStr>() {
                                text.push_str(s.as_str());
                            }
                        }
                        let s = vm.new_str(&text);
                        sp -= n;
                        push!(s);
                    }
                    Opcode::BUILD_SLICE => {
                        let step = if arg == 3 { pop!() } else { vm.none() };
                        let stop = pop!();
                        let start = top!();
                        let s = crate::types::slice::new_slice(vm, start, stop, step);
                        *stack.add(sp - 1) = s;
                    }
                    Opcode::LIST_APPEND => {
                        let v = pop!();
                        let list = peek!(arg as usize).downcast::<PyList>().expect("list");
                        list.push(v);
                    }
                    Opcode::SET_ADD => {
                        let v = pop!();
                        let set = peek!(arg as usize).downcast::<crate::types::set::PySet>().expect("set");
                        tri!(set.add(vm, v));
                    }
                    Opcode::MAP_ADD => {
                        let v = pop!();
                        let k = pop!();
                        let dict = peek!(arg as usize).downcast::<PyDict>().expect("dict");
                        tri!(dict.set_item(vm, k, v));
                    }
                    Opcode::LIST_EXTEND => {
                        let iterable = pop!();
                        let list = peek!(arg as usize);
                        tri!(ops::list_extend(vm, list, iterable));
                    }
                    Opcode::SET_UPDATE => {
                        let iterable = pop!();
                        let set = peek!(arg as usize).downcast::<crate::types::set::PySet>().expect("set");
                        tri!(set.update(vm, iterable));
                    }
                    Opcode::DICT_UPDATE => {
                        let update = pop!();
                        let dict = peek!(arg as usize);
                        tri!(ops::dict_update(vm, dict, update));
                    }
                    Opcode::DICT_MERGE => {
                        let update = pop!();
                        let dict = peek!(arg as usize);
                        let func = peek!(arg as usize + 2);
                        tri!(ops::dict_merge(vm, func, dict, update));
                    }
                    Opcode::LIST_TO_TUPLE => {
                        let list = top!().downcast::<PyList>().expect("list");
                        let items = list.to_vec();
                        let t = crate::types::tuple::tuple_from_vec(vm, items);
                        *stack.add(sp - 1) = t;
                    }
                    Opcode::UNPACK_SEQUENCE => {
                        skip_cache!(UNPACK_SEQUENCE);
                        let seq = pop!();
                        let n = arg as usize;
                        if site.due() {
                            specialize::unpack_sequence(vm, site, seq);
                        }
                        tri!(ops::unpack_sequence(vm, seq, n, stack.add(sp)));
                        sp += n;
                    }
                    Opcode::UNPACK_SEQUENCE_TUPLE | Opcode::UNPACK_SEQUENCE_LIST => {
                        skip_cache!(UNPACK_SEQUENCE);
                        let seq = top!();
                        let n = arg as usize;
                        let unpacked = if instr.op == Opcode::UNPACK_SEQUENCE_TUPLE {
                            vm.is_exact(seq, vm.types.tuple)
                                && seq
                                    .downcast::<PyTuple>()
                                    .is_some_and(|t| ops::unpack_exact(t.as_slice(), n, stack.add(sp - 1)))
                        } else {
                            vm.is_exact(seq, vm.types.list)
                                && seq
                                    .downcast::<PyList>()
                                    .is_some_and(|l| ops::unpack_exact(&l.items.borrow(), n, stack.add(sp - 1)))
                        };
                        if !unpacked {
                            deopt!();
                        }
                        // The sequence's slot now holds the first item.
                        sp = sp - 1 + n;
                    }
                    Opcode::UNPACK_EX => {
                        let seq = pop!();
                        let before = (arg & 0xff) as usize;
                        let after = (arg >> 8) as usize;
                        tri!(ops::unpack_ex(vm, seq, before, after, stack.add(sp)));
                        sp += before + after + 1;
                    }
                    Opcode::FORMAT_VALUE => {
                        let spec = if arg & 4 != 0 { pop!() } else { Value::NULL };
                        let v = top!();
                        let r = tri!(ops::format_value(vm, v, arg & 3, spec));
                        *stack.add(sp - 1) = r;
                    }
                    Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => ip = arg as usize,
                    Opcode::JUMP_BACKWARD => {
                        ip = arg as usize;
                        if vm.finalizers_due {
                            vm.run_finalizers();
                        }
                        jit_backward_jump!();
                    }
                    Opcode::POP_JUMP_IF_FALSE => {
                        let v = pop!();
                        if !tri!(ops::truth(vm, v)) {
                            ip = arg as usize;
                            if ip < at {
                                jit_backward_jump!();
                            }
                        }
                    }
                    Opcode::POP_JUMP_IF_TRUE => {
                        let v = pop!();
                        if tri!(ops::truth(vm, v)) {
                            ip = arg as usize;
                            if ip < at {
                                jit_backward_jump!();
                            }
                        }
                    }
                    Opcode::POP_JUMP_IF_NONE => {
                        let v = pop!();
                        if vm.is_none(v) {
                            ip = arg as usize;
                            if ip < at {
                                jit_backward_jump!();
                            }
                        }
                    }
                    Opcode::POP_JUMP_IF_NOT_NONE => {
                        // (`while x is not None:` ends with this, backwards.)
                        let v = pop!();
                        if !vm.is_none(v) {
                            ip = arg as usize;
                            if ip < at {
                                jit_backward_jump!();
                            }
                        }
                    }
                    Opcode::JUMP_IF_FALSE_OR_POP => {
                        let v = top!();
                        if tri!(ops::truth(vm, v)) {
                            sp -= 1;
                        } else {
                            ip = arg as usize;
                        }
                    }
                    Opcode::JUMP_IF_TRUE_OR_POP => {
                        let v = top!();
                        if tri!(ops::truth(vm, v)) {
                            ip = arg as usize;
                        } else {
                            sp -= 1;
                        }
                    }
                    Opcode::GET_ITER => {
                        let v = top!();
                        let it = tri!(protocol::iter::iter(vm, v));
                        *stack.add(sp - 1) = it;
                    }
                    Opcode::FOR_ITER => {
                        skip_cache!(FOR_ITER);
                        let it = top!();
                        if site.due() {
                            specialize::for_iter(site, it);
                        }
                        match tri!(protocol::iter::next(vm, it)) {
                            Some(v) => push!(v),
                            None => {
                                sp -= 1;
                                ip = arg as usize;
                            }
                        }
                    }
                    Opcode::FOR_ITER_GEN => {
                        skip_cache!(FOR_ITER);
                        let Some(gen) = crate::types::generator::inline_candidate(top!()) else { deopt!() };
                        (*frame).ip = ip;
                        (*frame).sp = sp;
                        let none = vm.none();
                        tri!(crate::types::generator::enter_inline(vm, gen, none));
                        load_frame!();
                        continue 'dispatch;
                    }
                    Opcode::FOR_ITER_RANGE => {
                        skip_cache!(FOR_ITER_RANGE);
                        match specialize::range_next(top!()) {
                            Some(Some(i)) => push!(vm.new_int(i)),
                            Some(None) => {
                                sp -= 1;
                                ip = arg as usize;
                            }
                            None => deopt!(),
                        }
                    }
                    Opcode::FOR_ITER_UNPACK => {
                        skip_cache!(FOR_ITER);
                        // The UNPACK_SEQUENCE this form steps over.
                        let n = ((*instrs.add(ip)).get() >> 8) as usize;
                        let mut items = [Value::NULL; UNPACKED_MAX];
                        let Some(out) = items.get_mut(..n) else { deopt!() };
                        match tri!(crate::types::iterator::next_unpacked(vm, top!(), out)) {
                            Some(true) => {
                                for &item in out.iter().rev() {
                                    push!(item);
                                }
                                ip += 1 + const { Opcode::UNPACK_SEQUENCE.cache_units() };
                            }
                            Some(false) => {
                                sp -= 1;
                                ip = arg as usize;
                            }
                            None => deopt!(),
                        }
                    }
                    Opcode::FOR_ITER_LIST | Opcode::FOR_ITER_TUPLE => {
                        skip_cache!(FOR_ITER_LIST);
                        match specialize::sequence_next(top!(), instr.op == Opcode::FOR_ITER_LIST) {
                            Some(Some(v)) => push!(v),
                            Some(None) => {
                                sp -= 1;
                                ip = arg as usize;
                            }
                            None => deopt!(),
                        }
                    }
                    Opcode::KW_NAMES => {
                        kwnames = code.consts[arg as usize].downcast::<PyTuple>();
                    }
                    Opcode::CALL => {
                        skip_cache!(CALL);
                        let n = arg as usize;
                        let names = kwnames.take();
                        unpack_bound_method!(n);
                        let (callable, args_start, argc) = call_layout!(n);
                        let args = std::slice::from_raw_parts(stack.add(args_start), argc);
                        if site.due() {
                            specialize::call(vm, site, callable, argc, names.is_some(), argc != n);
                        }
                        if let Some(func) = callable.downcast::<PyFunction>() {
                            if !func.code().is_generator_like() {
                                // Python to Python: push the callee and continue here.
                                (*frame).ip = ip;
                                (*frame).sp = sp;
                                tri!(call::push_function_frame(vm, func, args, names, false));
                                load_frame!();
                                continue 'dispatch;
                            }
                        }
                        // CPython 3.11 checks the depth with this message only
                        // when calling a one-argument (METH_O) builtin.
                        let what = if argc == 1 && names.is_none() && callable.has_kind(LayoutKind::BuiltinFunction) {
                            " while calling a Python object"
                        } else {
                            ""
                        };
                        let r = tri!(vm.with_recursion(what, |vm| protocol::call::call_kw(vm, callable, args, names)));
                        sp -= n + 2;
                        push!(r);
                    }
                    Opcode::CALL_PY_EXACT_ARGS => {
                        skip_cache!(CALL);
                        let n = arg as usize;
                        unpack_bound_method!(n);
                        let (callable, args_start, argc) = call_layout!(n);
                        let func = match callable.downcast::<PyFunction>() {
                            Some(func) if specialize::cached_function(site, func, argc) && kwnames.is_none() => func,
                            _ => deopt!(),
                        };
                        (*frame).ip = ip;
                        (*frame).sp = sp;
                        tri!(call::push_frame_over_args(vm, func, args_start, argc));
                        load_frame!();
                        continue 'dispatch;
                    }
                    Opcode::CALL_BUILTIN => {
                        skip_cache!(CALL);
                        let n = arg as usize;
                        if kwnames.is_some() {
                            deopt!();
                        }
                        let (callable, args_start, argc) = call_layout!(n);
                        let args = std::slice::from_raw_parts(stack.add(args_start), argc);
                        let Some((func, owner)) = specialize::cached_builtin(vm, site, callable, args) else {
                            deopt!()
                        };
                        let args = match owner {
                            Some(owner) => crate::native::Args::for_method(args, None, owner),
                            None => crate::native::Args::new(args, None),
                        };
                        // As CALL: CPython checks the depth with this message
                        // only for one-argument (METH_O) builtin functions.
                        let what = if argc == 1 && owner.is_none() { " while calling a Python object" } else { "" };
                        let r = tri!(vm.with_recursion(what, |vm| {
                            vm.check_native_stack()?;
                            func(vm, args)
                        }));
                        sp -= n + 2;
                        push!(r);
                    }
                    Opcode::CALL_PY_INIT => {
                        skip_cache!(CALL);
                        let n = arg as usize;
                        if !peek!(n + 2).is_null() || kwnames.is_some() {
                            deopt!();
                        }
                        let Some((cls, init)) = specialize::cached_init(site, peek!(n + 1), n) else { deopt!() };
                        let obj = vm.alloc_instance(crate::types::object::PyObject::new(), cls).value();
                        // The instance takes the NULL's place, where the
                        // return finds it, and the class's, as `self`.
                        *stack.add(sp - n - 2) = obj;
                        *stack.add(sp - n - 1) = obj;
                        (*frame).ip = ip;
                        (*frame).sp = sp;
                        tri!(call::push_frame_over_args(vm, init, sp - n - 1, n + 1));
                        vm.thread.frames.last_mut().expect("the __init__ frame").returns_self = true;
                        load_frame!();
                        continue 'dispatch;
                    }
                    Opcode::CALL_FUNCTION_EX => {
                        let kwargs = if arg & 1 != 0 { pop!() } else { Value::NULL };
                        let callargs = pop!();
                        let callable = pop!();
                        sp -= 1; // the NULL below the callable
                        if let Some(func) = callable.downcast::<PyFunction>() {
                            if !func.code().is_generator_like() {
                                // Push the callee and continue here; its
                                // return pops nothing more (see RETURN_VALUE).
                                (*frame).ip = ip;
                                (*frame).sp = sp;
                                tri!(ops::push_function_ex_frame(vm, func, callargs, kwargs));
                                load_frame!();
                                continue 'dispatch;
                            }
                        }
                        let r = tri!(vm.with_recursion(" while calling a Python object", |vm| {
                            ops::call_function_ex(vm, callable, callargs, kwargs)
                        }));
                        push!(r);
                    }
                    Opcode::MAKE_FUNCTION => {
                        let code_value = pop!();
                        let closure = if arg & 8 != 0 { pop!() } else { Value::NULL };
                        let annotations = if arg & 4 != 0 { pop!() } else { Value::NULL };
                        let kwdefaults = if arg & 2 != 0 { pop!() } else { Value::NULL };
                        let defaults = if arg & 1 != 0 { pop!() } else { Value::NULL };
                        let f = tri!(ops::make_function(
                            vm,
                            &*frame,
                            code_value,
                            defaults,
                            kwdefaults,
                            annotations,
                            closure
                        ));
                        push!(f);
                    }
                    Opcode::RETURN_VALUE => {
                        let v = pop!();
                        let was_entry = (*frame).is_entry;
                        if !was_entry && !(*frame).generator.is_null() {
                            // A generator run inline by the caller's
                            // FOR_ITER_GEN or SEND returns.
                            crate::types::generator::return_inline(vm, v);
                            load_frame!();
                            continue 'dispatch;
                        }
                        let returns_self = (*frame).returns_self;
                        call::pop_frame(vm);
                        if was_entry {
                            return Ok(Exit::Return(v));
                        }
                        load_frame!();
                        let operands = call_operands((*instrs.add((*frame).lasti)).get());
                        let v = if returns_self {
                            // `__init__` of a CALL_PY_INIT: the call's value
                            // is the instance, kept below the callable.
                            if !vm.is_none(v) {
                                break 'op Err(crate::types::class::init_returned(vm, v));
                            }
                            *stack.add(sp - operands)
                        } else {
                            v
                        };
                        sp -= operands;
                        push!(v);
                        continue 'dispatch;
                    }
                    Opcode::RETURN_GENERATOR => {
                        (*frame).ip = ip;
                        (*frame).sp = sp;
                        let gen = crate::types::generator::from_frame(vm);
                        let was_entry = (*frame).is_entry;
                        call::pop_frame(vm);
                        if was_entry {
                            return Ok(Exit::Return(gen));
                        }
                        load_frame!();
                        sp -= call_operands((*instrs.add((*frame).lasti)).get());
                        push!(gen);
                        continue 'dispatch;
                    }
                    Opcode::YIELD_VALUE => {
                        let v = pop!();
                        (*frame).ip = ip;
                        (*frame).sp = sp;
                        if (*frame).is_entry {
                            if let Some(sink) = sink.as_deref_mut() {
                                if sink(vm, v) {
                                    // The consumer took the value; the
                                    // yield evaluates to None.
                                    load_frame!();
                                    push!(vm.none());
                                    continue 'dispatch;
                                }
                            }
                            crate::types::generator::suspend_frame(vm);
                            return Ok(Exit::Yield(v));
                        }
                        // Run inline by the caller's FOR_ITER_GEN or SEND:
                        // the value is the caller's next item.
                        crate::types::generator::suspend_inline(vm);
                        load_frame!();
                        push!(v);
                        continue 'dispatch;
                    }
                    Opcode::SEND => {
                        let v = pop!();
                        let receiver = top!();
                        if let Some(gen) = crate::types::generator::inline_send_candidate(vm, receiver, v) {
                            // Run the sub-generator's frame in this loop: its
                            // yield pushes the item here, its return replaces
                            // the receiver and jumps (`return_inline`).
                            (*frame).ip = ip;
                            (*frame).sp = sp;
                            tri!(crate::types::generator::enter_inline(vm, gen, v));
                            load_frame!();
                            continue 'dispatch;
                        }
                        match tri!(ops::send(vm, receiver, v)) {
                            ops::SendResult::Yielded(y) => push!(y),
                            ops::SendResult::Returned(r) => {
                                *stack.add(sp - 1) = r;
                                ip = arg as usize;
                            }
                        }
                    }
                    Opcode::GET_YIELD_FROM_ITER => {
                        let v = top!();
                        let it = tri!(ops::get_yield_from_iter(vm, code, v));
                        *stack.add(sp - 1) = it;
                    }
                    Opcode::ASYNC_GEN_WRAP => {
                        let v = top!();
                        let w = crate::types::generator::async_gen_wrap(vm, v);
                        *stack.add(sp - 1) = w;
                    }
                    Opcode::GET_AWAITABLE => {
                        let v = top!();
                        let it = tri!(ops::get_awaitable(vm, v, arg));
                        *stack.add(sp - 1) = it;
                    }
                    Opcode::GET_AITER => {
                        let v = top!();
                        let it = tri!(ops::get_aiter(vm, v));
                        *stack.add(sp - 1) = it;
                    }
                    Opcode::GET_ANEXT => {
                        let v = top!();
                        let awaitable = tri!(ops::get_anext(vm, v));
                        push!(awaitable);
                    }
                    Opcode::END_ASYNC_FOR => {
                        let exc = pop!();
                        sp -= 1; // the async iterator
                        if !vm.is_instance(exc, vm.exceptions.stop_async_iteration) {
                            break 'op Err(PyErr::from_exception(exc));
                        }
                        vm.handled_exception = Value::NULL;
                    }
                    Opcode::RAISE_VARARGS => {
                        let err = match arg {
                            0 => ops::reraise_current(vm),
                            1 => {
                                let exc = pop!();
                                ops::make_raise(vm, exc, Value::NULL)
                            }
                            _ => {
                                let cause = pop!();
                                let exc = pop!();
                                ops::make_raise(vm, exc, cause)
                            }
                        };
                        break 'op Err(err);
                    }
                    Opcode::RERAISE => {
                        // CPython restores `f_lasti` from the stack for line
                        // numbers, but searches handlers from the RERAISE
                        // itself; the traceback entry for this frame was made
                        // when the exception first arrived, so `lasti` stays.
                        let exc = pop!();
                        raise!(PyErr::from_exception(exc), true);
                    }
                    Opcode::PUSH_EXC_INFO => {
                        let exc = pop!();
                        let previous = vm.handled_exception;
                        push!(if previous.is_null() { vm.none() } else { previous });
                        push!(exc);
                        vm.handled_exception = exc;
                    }
                    Opcode::POP_EXCEPT => {
                        let previous = pop!();
                        vm.handled_exception = if vm.is_none(previous) { Value::NULL } else { previous };
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        let ty = pop!();
                        let exc = top!();
                        let matched = tri!(ops::exception_matches(vm, exc, ty));
                        push!(vm.bool_value(matched));
                    }
                    Opcode::CHECK_EG_MATCH => {
                        let ty = pop!();
                        let exc = pop!();
                        let (rest, matched) = tri!(ops::exception_group_match(vm, exc, ty));
                        push!(rest);
                        push!(matched);
                    }
                    Opcode::PREP_RERAISE_STAR => {
                        let list = pop!();
                        let orig = top!();
                        let r = tri!(ops::prep_reraise_star(vm, orig, list));
                        *stack.add(sp - 1) = r;
                    }
                    Opcode::LOAD_ASSERTION_ERROR => push!(vm.exceptions.assertion_error.value()),
                    Opcode::BEFORE_WITH => {
                        let manager = top!();
                        let (exit, entered) = tri!(ops::before_with(vm, manager, false));
                        *stack.add(sp - 1) = exit;
                        push!(entered);
                    }
                    Opcode::BEFORE_ASYNC_WITH => {
                        let manager = top!();
                        let (exit, entered) = tri!(ops::before_with(vm, manager, true));
                        *stack.add(sp - 1) = exit;
                        push!(entered);
                    }
                    Opcode::WITH_EXCEPT_START => {
                        let exc = top!();
                        let exit = peek!(4);
                        let r = tri!(ops::with_except_start(vm, exit, exc));
                        push!(r);
                    }
                    Opcode::LOAD_BUILD_CLASS => {
                        let key = vm.intern("__build_class__").downcast::<PyStr>().expect("str");
                        match (*frame).builtins.get_str(key) {
                            Some(v) => push!(v),
                            None => break 'op Err(vm.name_error("__build_class__ not found")),
                        }
                    }
                    Opcode::SETUP_ANNOTATIONS => {
                        tri!(ops::setup_annotations(vm, &*frame));
                    }
                    Opcode::IMPORT_NAME => {
                        let name = code.names[arg as usize];
                        let fromlist = pop!();
                        let level = top!();
                        let m = tri!(ops::import_name(vm, &*frame, name, fromlist, level));
                        *stack.add(sp - 1) = m;
                    }
                    Opcode::IMPORT_FROM => {
                        let name = code.names[arg as usize];
                        let module = top!();
                        let v = tri!(crate::import::import_from(vm, module, name));
                        push!(v);
                    }
                    Opcode::IMPORT_STAR => {
                        let module = pop!();
                        tri!(ops::import_star(vm, &*frame, module));
                    }
                    Opcode::PRINT_EXPR => {
                        let v = pop!();
                        tri!(ops::print_expr(vm, v));
                    }
                    Opcode::GET_LEN => {
                        let v = top!();
                        let n = tri!(protocol::sequence::len(vm, v));
                        push!(vm.new_int(n as i64));
                    }
                    Opcode::MATCH_MAPPING => {
                        let v = top!();
                        let b = ops::match_mapping(vm, v);
                        push!(vm.bool_value(b));
                    }
                    Opcode::MATCH_SEQUENCE => {
                        let v = top!();
                        let b = ops::match_sequence(vm, v);
                        push!(vm.bool_value(b));
                    }
                    Opcode::MATCH_KEYS => {
                        let keys = top!();
                        let subject = peek!(2);
                        let r = tri!(ops::match_keys(vm, subject, keys));
                        push!(r);
                    }
                    Opcode::MATCH_CLASS => {
                        let names = pop!();
                        let cls = pop!();
                        let subject = top!();
                        let r = tri!(ops::match_class(vm, subject, cls, arg as usize, names));
                        *stack.add(sp - 1) = r;
                    }
                    other => {
                        break 'op Err(vm.runtime_error(format!("unknown opcode {}", other.name())));
                    }
                }
                debug_assert!(
                    ip != at + 1 || instr.op.cache_units() == 0,
                    "{} did not skip its inline cache",
                    instr.op.name()
                );
                Ok(())
            };
            if let Err(err) = outcome {
                raise!(err, false);
            }
        }
    }
}
