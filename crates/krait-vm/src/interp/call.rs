//! Pushing and popping frames, and binding call arguments to parameters
//! (CPython's `initialize_locals`, with its error messages).

use krait_bytecode::CodeFlags;

use crate::error::{PyErr, PyResult};
use crate::interp::eval::{run_frames, Exit};
use crate::interp::frame::{Frame, MAX_FRAMES};
use crate::object::Gc;
use crate::types::dict::PyDict;
use crate::types::function::{PyCode, PyFunction};
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::value::Value;
use crate::vm::Vm;

/// Push a frame for `code` with room for its locals and operand stack,
/// all slots NULL. Raises RecursionError past the recursion limit.
#[inline(always)]
pub fn push_frame(
    vm: &mut Vm,
    code: Gc<PyCode>,
    func: Value,
    globals: Gc<PyDict>,
    builtins: Gc<PyDict>,
    locals: Value,
    is_entry: bool,
) -> PyResult<usize> {
    let base = push_frame_uninit(vm, code, func, globals, builtins, locals, is_entry)?;
    vm.thread.stack[base..base + code.nlocalsplus()].fill(Value::NULL);
    Ok(base)
}

/// `push_frame` without clearing the locals: the caller fills every one
/// of them (a generator copying its saved slots back).
#[inline(always)]
pub fn push_frame_uninit(
    vm: &mut Vm,
    code: Gc<PyCode>,
    func: Value,
    globals: Gc<PyDict>,
    builtins: Gc<PyDict>,
    locals: Value,
    is_entry: bool,
) -> PyResult<usize> {
    let base = vm.thread.next_base();
    push_frame_at(vm, base, code, func, globals, builtins, locals, is_entry)
}

/// `push_frame_uninit` with the locals starting at slot `base` of the
/// value stack (at or below the caller's stack top).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn push_frame_at(
    vm: &mut Vm,
    base: usize,
    code: Gc<PyCode>,
    func: Value,
    globals: Gc<PyDict>,
    builtins: Gc<PyDict>,
    locals: Value,
    is_entry: bool,
) -> PyResult<usize> {
    let depth = vm.thread.frames.len() + vm.native_depth;
    if depth >= vm.recursion_limit || vm.thread.frames.len() >= MAX_FRAMES - 1 {
        return Err(vm.recursion_error("maximum recursion depth exceeded"));
    }
    let nlocals = code.nlocalsplus();
    let stack_base = base + nlocals;
    let end = stack_base + code.code.max_stack as usize;
    if end >= vm.thread.stack.len() {
        return Err(vm.recursion_error("maximum recursion depth exceeded"));
    }
    vm.thread.frames_pushed = vm.thread.frames_pushed.wrapping_add(1);
    vm.thread.frames.push(Frame {
        code,
        func,
        globals,
        builtins,
        locals,
        base,
        stack_base,
        sp: stack_base,
        ip: 0,
        lasti: 0,
        is_entry,
        generator: Value::NULL,
        frame_object: Value::NULL,
        returns_self: false,
    });
    Ok(base)
}

/// Pop the top frame.
pub fn pop_frame(vm: &mut Vm) {
    vm.thread.frames.pop();
}

/// Push a frame for a call of `func` and bind the arguments into it.
pub fn push_function_frame(
    vm: &mut Vm,
    func: Gc<PyFunction>,
    args: &[Value],
    kwnames: Option<Gc<PyTuple>>,
    is_entry: bool,
) -> PyResult<()> {
    let code = func.code();
    let locals = if code.flags().has(CodeFlags::OPTIMIZED) { Value::NULL } else { PyDict::new(vm).value() };
    let base = push_frame(vm, code, func.value(), func.globals, func.builtins, locals, is_entry)?;
    if let Err(err) = bind_arguments(vm, func, code, base, args, kwnames) {
        pop_frame(vm);
        return Err(err);
    }
    Ok(())
}

/// Push the frame of a call whose `argc` arguments are on the caller's
/// operand stack from slot `args_start` up to its saved top: they become
/// the first locals where they are — the two frames overlap there, as
/// CPython's do, so nothing is copied, and the caller's return pops them —
/// and the parameters after them take their defaults (the caller checked
/// `specialize::binds_positionally`).
#[inline(always)]
pub fn push_frame_over_args(vm: &mut Vm, func: Gc<PyFunction>, args_start: usize, argc: usize) -> PyResult<()> {
    let code = func.code();
    if code.code.arg_count as usize != argc {
        return push_frame_with_defaults(vm, func, args_start, argc);
    }
    let base = push_frame_at(vm, args_start, code, func.value(), func.globals, func.builtins, Value::NULL, false)?;
    clear_slots(vm, base + argc, base + code.nlocalsplus());
    Ok(())
}

/// `push_frame_over_args` when the last parameters take their defaults.
#[inline(never)]
fn push_frame_with_defaults(vm: &mut Vm, func: Gc<PyFunction>, args_start: usize, argc: usize) -> PyResult<()> {
    let code = func.code();
    let arg_count = code.code.arg_count as usize;
    let missing = arg_count.saturating_sub(argc);
    let defaults = func.defaults.get().downcast::<PyTuple>().filter(|d| argc < arg_count && d.len() >= missing);
    let Some(defaults) = defaults else {
        // Not what the caller checked: bind (and complain) generically.
        // SAFETY: the value stack never moves, and the generic frame
        // starts at the caller's saved top, above the arguments.
        let args = unsafe { std::slice::from_raw_parts(vm.thread.stack.as_ptr().add(args_start), argc) };
        return push_function_frame(vm, func, args, None, false);
    };
    let base = push_frame_at(vm, args_start, code, func.value(), func.globals, func.builtins, Value::NULL, false)?;
    let tail = &defaults.as_slice()[defaults.len() - missing..];
    vm.thread.stack[base + argc..base + arg_count].copy_from_slice(tail);
    clear_slots(vm, base + arg_count, base + code.nlocalsplus());
    Ok(())
}

/// Set the value-stack slots `from..to` to NULL (a new frame's unbound
/// locals: usually none or a few, so a loop rather than a `memset` call).
#[inline(always)]
fn clear_slots(vm: &mut Vm, from: usize, to: usize) {
    for slot in &mut vm.thread.stack[from..to] {
        *slot = Value::NULL;
    }
}

/// Call a Python function from Rust: push its frame and run it to the end.
pub fn call_function(vm: &mut Vm, func: Gc<PyFunction>, args: &[Value], kwnames: Option<Gc<PyTuple>>) -> PyResult {
    vm.check_native_stack()?;
    push_function_frame(vm, func, args, kwnames, true)?;
    match run_frames(vm, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.runtime_error("yield from a non-generator frame")),
    }
}

/// Run a module body, class body or `exec`'d code in the given namespaces.
pub fn exec_code(vm: &mut Vm, code: Gc<PyCode>, globals: Gc<PyDict>, locals: Value) -> PyResult {
    vm.check_native_stack()?;
    let builtins = crate::types::function::builtins_for(vm, globals);
    let locals = if locals.is_null() { globals.value() } else { locals };
    push_frame(vm, code, Value::NULL, globals, builtins, locals, true)?;
    match run_frames(vm, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.runtime_error("yield outside a generator")),
    }
}

/// Run a class body with its namespace as locals and the class cell closure.
pub fn exec_class_body(vm: &mut Vm, func: Gc<PyFunction>, namespace: Value) -> PyResult {
    vm.check_native_stack()?;
    let code = func.code();
    push_frame(vm, code, func.value(), func.globals, func.builtins, namespace, true)?;
    match run_frames(vm, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.runtime_error("yield in a class body")),
    }
}

/// Bind positional and keyword arguments to the frame's parameter slots,
/// filling defaults, `*args` and `**kwargs`.
fn bind_arguments(
    vm: &mut Vm,
    func: Gc<PyFunction>,
    code: Gc<PyCode>,
    base: usize,
    args: &[Value],
    kwnames: Option<Gc<PyTuple>>,
) -> PyResult<()> {
    let co = &code.code;
    let argcount = co.arg_count as usize;
    let posonly = co.posonly_arg_count as usize;
    let kwonly = co.kwonly_arg_count as usize;
    let has_varargs = co.flags.has(CodeFlags::VARARGS);
    let has_varkw = co.flags.has(CodeFlags::VARKEYWORDS);
    let nkw = kwnames.map_or(0, |k| k.len());
    let npos = args.len() - nkw;
    let total = argcount + kwonly;

    // Fast path: exactly the positional parameters.
    if nkw == 0 && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
        vm.thread.stack[base..base + npos].copy_from_slice(&args[..npos]);
        return Ok(());
    }

    let kwargs_dict = if has_varkw {
        let d = PyDict::new(vm);
        let slot = total + has_varargs as usize;
        vm.thread.stack[base + slot] = d.value();
        Some(d)
    } else {
        None
    };

    let bound = npos.min(argcount);
    vm.thread.stack[base..base + bound].copy_from_slice(&args[..bound]);
    if has_varargs {
        let extra = if npos > argcount { &args[argcount..npos] } else { &[][..] };
        let t = crate::types::tuple::new_tuple(vm, extra);
        vm.thread.stack[base + total] = t;
    } else if npos > argcount {
        return Err(too_many_positional(vm, func, code, base, npos, nkw, kwnames, args));
    }

    // Keyword arguments.
    let mut posonly_as_kw: Vec<String> = Vec::new();
    if let Some(names) = kwnames {
        for i in 0..nkw {
            let name = names.get(i);
            let value = args[npos + i];
            let name_str = name.downcast::<PyStr>().map(|s| s.as_str().to_string()).unwrap_or_default();
            let index = code.localsplus_names[posonly..total]
                .iter()
                .position(|&n| n.is(name) || n.downcast::<PyStr>().is_some_and(|s| s.as_str() == name_str))
                .map(|i| i + posonly);
            match index {
                Some(slot) => {
                    if !vm.thread.stack[base + slot].is_null() {
                        let qualname = qualname_of(func);
                        return Err(
                            vm.type_error(format!("{qualname}() got multiple values for argument '{name_str}'"))
                        );
                    }
                    vm.thread.stack[base + slot] = value;
                }
                None => {
                    let is_posonly = code.localsplus_names[..posonly]
                        .iter()
                        .any(|&n| n.downcast::<PyStr>().is_some_and(|s| s.as_str() == name_str));
                    match kwargs_dict {
                        Some(d) => d.set_item(vm, name, value)?,
                        None if is_posonly => posonly_as_kw.push(name_str),
                        None => {
                            let qualname = qualname_of(func);
                            return Err(
                                vm.type_error(format!("{qualname}() got an unexpected keyword argument '{name_str}'"))
                            );
                        }
                    }
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        let qualname = qualname_of(func);
        let names = format!("'{}'", posonly_as_kw.join(", "));
        return Err(vm.type_error(format!(
            "{qualname}() got some positional-only arguments passed as keyword arguments: {names}"
        )));
    }

    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = func.defaults_tuple();
        let ndefaults = defaults.map_or(0, |d| d.len());
        let first_default = argcount - ndefaults;
        let mut missing = Vec::new();
        for slot in npos..argcount {
            if vm.thread.stack[base + slot].is_null() {
                if slot >= first_default {
                    vm.thread.stack[base + slot] = defaults.expect("defaults").get(slot - first_default);
                } else {
                    missing.push(slot);
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_arguments(vm, func, code, &missing, "positional"));
        }
    }
    // Keyword-only defaults.
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.get().downcast::<PyDict>();
        let mut missing = Vec::new();
        for slot in argcount..total {
            if vm.thread.stack[base + slot].is_null() {
                let name = code.localsplus_names[slot];
                let default = match kwdefaults {
                    Some(d) => d.get_item(vm, name)?,
                    None => None,
                };
                match default {
                    Some(v) => vm.thread.stack[base + slot] = v,
                    None => missing.push(slot),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_arguments(vm, func, code, &missing, "keyword-only"));
        }
    }
    Ok(())
}

fn qualname_of(func: Gc<PyFunction>) -> String {
    func.qualname.get().downcast::<PyStr>().map(|s| s.as_str().to_string()).unwrap_or_default()
}

fn missing_arguments(vm: &mut Vm, func: Gc<PyFunction>, code: Gc<PyCode>, slots: &[usize], kind: &str) -> PyErr {
    let names: Vec<String> = slots
        .iter()
        .map(|&s| {
            format!(
                "'{}'",
                code.localsplus_names[s].downcast::<PyStr>().map(|n| n.as_str().to_string()).unwrap_or_default()
            )
        })
        .collect();
    let list = match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    let qualname = qualname_of(func);
    let plural = if names.len() == 1 { "" } else { "s" };
    vm.type_error(format!("{qualname}() missing {} required {kind} argument{plural}: {list}", names.len()))
}

#[allow(clippy::too_many_arguments)]
fn too_many_positional(
    vm: &mut Vm,
    func: Gc<PyFunction>,
    code: Gc<PyCode>,
    base: usize,
    given: usize,
    nkw: usize,
    kwnames: Option<Gc<PyTuple>>,
    _args: &[Value],
) -> PyErr {
    let co = &code.code;
    let argcount = co.arg_count as usize;
    let defaults = func.defaults_tuple().map_or(0, |d| d.len());
    let kwonly_given = match kwnames {
        Some(names) => (0..nkw)
            .filter(|&i| {
                let name = names.get(i);
                code.localsplus_names[argcount..argcount + co.kwonly_arg_count as usize].iter().any(|&n| n.is(name))
            })
            .count(),
        None => 0,
    };
    let _ = base;
    let takes = if defaults > 0 {
        format!("from {} to {} positional arguments", argcount - defaults, argcount)
    } else {
        format!("{argcount} positional argument{}", if argcount == 1 { "" } else { "s" })
    };
    let given_text = if kwonly_given > 0 {
        format!(
            "{given} positional argument{} (and {kwonly_given} keyword-only argument{}) were given",
            if given == 1 { "" } else { "s" },
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        format!("{given} {} given", if given == 1 { "was" } else { "were" })
    };
    let qualname = qualname_of(func);
    vm.type_error(format!("{qualname}() takes {takes} but {given_text}"))
}
