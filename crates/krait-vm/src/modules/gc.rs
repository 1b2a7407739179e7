//! `gc`: the collector's Python interface (CPython `Modules/gcmodule.c`).
//!
//! Krait's collector is a single-generation mark-sweep (`gc/`), so the
//! generation arguments are checked and otherwise ignored, the thresholds
//! are stored for the program to read back, and `freeze` has nothing to
//! do. `collect()` runs full collections and the finalizers and weakref
//! callbacks they make due (`Vm::collect_fully`); the count it returns is
//! Krait's, not CPython's. `disable()` really stops automatic collections.

use crate::error::PyResult;
use crate::import::NativeModuleDef;
use crate::native::{Args, MethodDef, Signature};
use crate::object::{Gc, LayoutKind};
use crate::protocol::{attr, call, iter};
use crate::types::module::PyModule;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;

pub static GC: NativeModuleDef = NativeModuleDef {
    name: "gc",
    doc: "This module provides access to the garbage collector for reference cycles.",
    methods: &[
        MethodDef::function("collect", collect),
        MethodDef::function("enable", |vm, args| {
            args.exact::<0>(vm, "enable")?;
            vm.set_gc_user_enabled(true);
            Ok(vm.none())
        }),
        MethodDef::function("disable", |vm, args| {
            args.exact::<0>(vm, "disable")?;
            vm.set_gc_user_enabled(false);
            Ok(vm.none())
        }),
        MethodDef::function("isenabled", |vm, args| {
            args.exact::<0>(vm, "isenabled")?;
            Ok(vm.bool_value(vm.gc_user_enabled))
        }),
        MethodDef::function("get_threshold", |vm, args| {
            args.exact::<0>(vm, "get_threshold")?;
            let [a, b, c] = vm.gc_threshold;
            Ok(new_tuple(vm, &[Value::from_small(a), Value::from_small(b), Value::from_small(c)]))
        }),
        MethodDef::function("set_threshold", set_threshold),
        MethodDef::function("get_count", |vm, args| {
            args.exact::<0>(vm, "get_count")?;
            // Roughly the objects allocated since the last collection.
            let young = (vm.heap.allocated_since_gc / 64) as i64;
            Ok(new_tuple(vm, &[Value::from_small(young), Value::from_small(0), Value::from_small(0)]))
        }),
        MethodDef::function("is_tracked", is_tracked),
        MethodDef::function("get_debug", |vm, args| {
            args.exact::<0>(vm, "get_debug")?;
            Ok(Value::from_small(0))
        }),
        MethodDef::function("set_debug", |vm, args| {
            args.exact::<1>(vm, "set_debug")?;
            Ok(vm.none())
        }),
        MethodDef::function("freeze", |vm, args| {
            args.exact::<0>(vm, "freeze")?;
            Ok(vm.none())
        }),
        MethodDef::function("unfreeze", |vm, args| {
            args.exact::<0>(vm, "unfreeze")?;
            Ok(vm.none())
        }),
        MethodDef::function("get_freeze_count", |vm, args| {
            args.exact::<0>(vm, "get_freeze_count")?;
            Ok(Value::from_small(0))
        }),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    for name in ["garbage", "callbacks"] {
        let list = crate::types::list::new_list(vm, &[]);
        module.set_attr(vm, name, list);
    }
    for (name, value) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        module.set_attr(vm, name, Value::from_small(value));
    }
    Ok(())
}

static COLLECT_SIG: Signature =
    Signature { name: "collect", params: &["generation"], positional_only: 0, keyword_only: 1, required: 0 };

/// `gc.collect(generation=2)`.
fn collect(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [generation] = args.bind::<1>(vm, &COLLECT_SIG)?;
    let generation = if generation.is_null() { 2 } else { crate::protocol::number::to_i64(vm, generation)? };
    if !(0..=2).contains(&generation) {
        return Err(vm.value_error("invalid generation"));
    }
    run_callbacks(vm, "start", generation, 0)?;
    let direct = called_directly(vm);
    let found = vm.collect_fully(direct);
    run_callbacks(vm, "stop", generation, found)?;
    Ok(vm.new_int(found as i64))
}

/// Whether the innermost interpreter loop is running a `CALL` whose
/// callable is this very function (see `Vm::collect_fully`).
fn called_directly(vm: &Vm) -> bool {
    let Some(frame) = vm.thread.frames.last() else { return false };
    let Some(unit) = frame.code.instructions.get(frame.lasti) else { return false };
    let Some(instr) = krait_bytecode::Instruction::decode(unit.get()) else { return false };
    if instr.op.base() != krait_bytecode::Opcode::CALL {
        return false;
    }
    let n = instr.arg as usize;
    let Some(method_at) = frame.sp.checked_sub(n + 2).filter(|&i| i >= frame.stack_base) else { return false };
    let method = vm.thread.stack[method_at];
    let callable = if method.is_null() { vm.thread.stack[method_at + 1] } else { method };
    callable
        .downcast::<crate::types::descriptor::PyBuiltinFunction>()
        .is_some_and(|f| std::ptr::eq(f.def, &GC.methods[0]))
}

/// Call each of `gc.callbacks` with `(phase, info)`, as CPython does around
/// a collection.
fn run_callbacks(vm: &mut Vm, phase: &str, generation: i64, collected: usize) -> PyResult<()> {
    let key = vm.intern("gc");
    let modules = vm.modules;
    let Some(module) = modules.get_item(vm, key)? else { return Ok(()) };
    let Some(callbacks) = attr::getattr_opt(vm, module, "callbacks")? else { return Ok(()) };
    let callbacks = iter::collect(vm, callbacks)?;
    if callbacks.is_empty() {
        return Ok(());
    }
    let info = crate::types::dict::PyDict::new(vm);
    for (name, value) in [("generation", generation), ("collected", collected as i64), ("uncollectable", 0)] {
        let key = vm.new_str(name);
        let value = vm.new_int(value);
        info.set_item(vm, key, value)?;
    }
    let phase = vm.new_str(phase);
    for callback in callbacks.to_vec() {
        call::call(vm, callback, &[phase, info.value()])?;
    }
    Ok(())
}

fn set_threshold(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let values = args.positional_range(vm, "set_threshold", 1, 3)?;
    for (i, &v) in values.iter().enumerate() {
        vm.gc_threshold[i] = crate::protocol::number::to_i64(vm, v)?;
    }
    Ok(vm.none())
}

/// `gc.is_tracked(obj)`: CPython does not track atomic objects (numbers,
/// strings, bytes, None and the other singletons); everything else is.
fn is_tracked(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [object] = args.exact::<1>(vm, "is_tracked")?;
    let tracked = match object.header() {
        None => false,
        Some(header) => !matches!(
            header.kind(),
            LayoutKind::Int
                | LayoutKind::Float
                | LayoutKind::Complex
                | LayoutKind::Str
                | LayoutKind::Bytes
                | LayoutKind::Singleton
                | LayoutKind::Range
        ),
    };
    Ok(vm.bool_value(tracked))
}
