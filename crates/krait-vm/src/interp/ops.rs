//! The work of instructions too long to sit inline in the loop: name
//! lookup, unpacking, calls with `*args`/`**kwargs`, function creation,
//! `raise`, `with`, `await`, imports and pattern matching. Each follows the
//! CPython 3.11 `ceval.c` case of the same name.

use std::cell::Cell;

use krait_bytecode::CodeFlags;
use smallvec::SmallVec;

use crate::error::{PyErr, PyResult};
use crate::interp::frame::Frame;
use crate::object::{Gc, LayoutKind};
use crate::protocol::{attr, call, iter, object, sequence};
use crate::rooted::RootedVec;
use crate::types::dict::PyDict;
use crate::types::exception::PyBaseException;
use crate::types::function::{PyCode, PyFunction};
use crate::types::generator::{GenExit, GenKind, PyGenerator};
use crate::types::list::PyList;
use crate::types::str::PyStr;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::PyType;
use crate::value::Value;
use crate::vm::Vm;

fn name_text(name: Value) -> String {
    name.downcast::<PyStr>().map(|s| s.as_str().to_string()).unwrap_or_default()
}

pub fn unbound_local(vm: &mut Vm, code: Gc<PyCode>, index: usize) -> PyErr {
    let name = name_text(code.localsplus_names[index]);
    vm.unbound_local_error(format!("cannot access local variable '{name}' where it is not associated with a value"))
}

pub fn unbound_deref(vm: &mut Vm, code: Gc<PyCode>, index: usize) -> PyErr {
    let name = name_text(code.localsplus_names[index]);
    if code.code.localsplus_kinds[index] & krait_bytecode::local_kind::FREE != 0 {
        vm.name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    } else {
        vm.unbound_local_error(format!("cannot access local variable '{name}' where it is not associated with a value"))
    }
}

/// `mapping[name]` or `None`, for a dict or any mapping.
pub fn mapping_lookup(vm: &mut Vm, mapping: Value, name: Value) -> PyResult<Option<Value>> {
    if let Some(dict) = mapping.downcast::<PyDict>() {
        if vm.is_exact(mapping, vm.types.dict) {
            return Ok(dict.get_str(name.downcast::<PyStr>().expect("str name")));
        }
    }
    match sequence::getitem(vm, mapping, name) {
        Ok(v) => Ok(Some(v)),
        Err(err) if vm.error_matches(err, vm.exceptions.key_error) => Ok(None),
        Err(err) => Err(err),
    }
}

fn name_not_defined(vm: &mut Vm, name: Value) -> PyErr {
    let text = name_text(name);
    let err = vm.name_error(format!("name '{text}' is not defined"));
    let key = vm.intern("name").downcast::<PyStr>().expect("str");
    attr::set_instance_attr(vm, err.exception(), key, name);
    err
}

pub fn load_name(vm: &mut Vm, frame: &Frame, name: Value) -> PyResult {
    if !frame.locals.is_null() {
        if let Some(v) = mapping_lookup(vm, frame.locals, name)? {
            return Ok(v);
        }
    }
    let key = name.downcast::<PyStr>().expect("str name");
    if let Some(v) = frame.globals.get_str(key) {
        return Ok(v);
    }
    if let Some(v) = frame.builtins.get_str(key) {
        return Ok(v);
    }
    Err(name_not_defined(vm, name))
}

pub fn store_name(vm: &mut Vm, frame: &Frame, name: Value, value: Value) -> PyResult<()> {
    let locals = if frame.locals.is_null() { frame.globals.value() } else { frame.locals };
    if let Some(dict) = locals.downcast::<PyDict>() {
        if vm.is_exact(locals, vm.types.dict) {
            dict.set_str(vm, name.downcast::<PyStr>().expect("str name"), value);
            return Ok(());
        }
    }
    sequence::setitem(vm, locals, name, value)
}

pub fn delete_name(vm: &mut Vm, frame: &Frame, name: Value) -> PyResult<()> {
    let locals = if frame.locals.is_null() { frame.globals.value() } else { frame.locals };
    match sequence::delitem(vm, locals, name) {
        Ok(()) => Ok(()),
        Err(err) if vm.error_matches(err, vm.exceptions.key_error) => Err(name_not_defined(vm, name)),
        Err(err) => Err(err),
    }
}

/// `LOAD_GLOBAL`, with its inline cache: [counter, entry index, globals
/// keys version, builtins keys version]. A hit needs two version checks and
/// an index; the entry index is valid while the keys version is unchanged.
///
/// # Safety
/// `cache` must point at the instruction's four cache units.
pub unsafe fn load_global(vm: &mut Vm, frame: &Frame, name: Value, cache: *const Cell<u32>) -> PyResult {
    // SAFETY: guaranteed by the caller.
    let (index, globals_version, builtins_version) = unsafe { (&*cache.add(1), &*cache.add(2), &*cache.add(3)) };
    let globals = frame.globals;
    let builtins = frame.builtins;
    if globals_version.get() != 0 && globals_version.get() == globals.keys_version() {
        if builtins_version.get() == 0 {
            if let Some(v) = globals.entry_value(index.get() as usize) {
                return Ok(v);
            }
        } else if builtins_version.get() == builtins.keys_version() {
            if let Some(v) = builtins.entry_value(index.get() as usize) {
                return Ok(v);
            }
        }
    }
    let key = name.downcast::<PyStr>().expect("str name");
    if let Some(ix) = globals.find_str(key) {
        index.set(ix as u32);
        globals_version.set(globals.keys_version());
        builtins_version.set(0);
        return Ok(globals.entry_value(ix).expect("live entry"));
    }
    if let Some(ix) = builtins.find_str(key) {
        index.set(ix as u32);
        globals_version.set(globals.keys_version());
        builtins_version.set(builtins.keys_version());
        return Ok(builtins.entry_value(ix).expect("live entry"));
    }
    Err(name_not_defined(vm, name))
}

/// `LOAD_GLOBAL`'s inline cache hit (see `load_global`), if it is one.
///
/// # Safety
/// As `load_global`.
#[inline(always)]
pub unsafe fn cached_global(frame: &Frame, cache: *const Cell<u32>) -> Option<Value> {
    // SAFETY: guaranteed by the caller.
    let (index, globals_version, builtins_version) =
        unsafe { ((*cache.add(1)).get(), (*cache.add(2)).get(), (*cache.add(3)).get()) };
    if globals_version == 0 || globals_version != frame.globals.keys_version() {
        return None;
    }
    if builtins_version == 0 {
        frame.globals.entry_value(index as usize)
    } else if builtins_version == frame.builtins.keys_version() {
        frame.builtins.entry_value(index as usize)
    } else {
        None
    }
}

/// `POP_JUMP_IF_*`'s truth test, with the common cases inline.
#[inline]
pub fn truth(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v.is(vm.singletons.true_) {
        return Ok(true);
    }
    if v.is(vm.singletons.false_) || v.is(vm.singletons.none) {
        return Ok(false);
    }
    object::truthy(vm, v)
}

pub fn list_extend(vm: &mut Vm, list: Value, iterable: Value) -> PyResult<()> {
    let list = list.downcast::<PyList>().expect("list");
    if let Some(t) = iterable.downcast::<PyTuple>() {
        list.items.borrow_mut().extend_from_slice(t.as_slice());
        return Ok(());
    }
    if let Some(l) = iterable.downcast::<PyList>() {
        let items = l.to_vec();
        list.items.borrow_mut().extend(items);
        return Ok(());
    }
    let cls = vm.class_of(iterable);
    let iterable_ok = cls.lookup(vm, vm.names.iter).is_some() || cls.lookup(vm, vm.names.getitem).is_some();
    if !iterable_ok {
        let tn = cls.name().to_string();
        return Err(vm.type_error(format!("Value after * must be an iterable, not {tn}")));
    }
    let it = iter::iter(vm, iterable)?;
    while let Some(item) = iter::next(vm, it)? {
        list.push(item);
    }
    Ok(())
}

/// `{**mapping}`.
pub fn dict_update(vm: &mut Vm, dict: Value, update: Value) -> PyResult<()> {
    let dict = dict.downcast::<PyDict>().expect("dict");
    merge_mapping(vm, dict, update, |vm, _key| {
        let _ = vm;
        Ok(())
    })
    .map_err(|err| {
        if vm.error_matches(err, vm.exceptions.attribute_error) {
            let tn = vm.type_name(update);
            vm.type_error(format!("'{tn}' object is not a mapping"))
        } else {
            err
        }
    })
}

/// `f(**mapping)`: duplicate keys are an error naming the function.
pub fn dict_merge(vm: &mut Vm, func: Value, dict: Value, update: Value) -> PyResult<()> {
    let target = dict.downcast::<PyDict>().expect("dict");
    let is_mapping = update.downcast::<PyDict>().is_some() || attr::getattr_opt(vm, update, "keys")?.is_some();
    if !is_mapping {
        let fname = function_description(vm, func);
        let tn = vm.type_name(update);
        return Err(vm.type_error(format!("{fname} argument after ** must be a mapping, not {tn}")));
    }
    merge_mapping(vm, target, update, |vm, key| {
        let fname = function_description(vm, func);
        if key.downcast::<PyStr>().is_none() {
            return Err(vm.type_error("keywords must be strings"));
        }
        Err(vm.type_error(format!("{fname} got multiple values for keyword argument '{}'", name_text(key))))
    })
}

/// Copy every (key, value) of `update` into `dict`; `on_duplicate` decides
/// about keys already present (for DICT_MERGE).
fn merge_mapping(
    vm: &mut Vm,
    dict: Gc<PyDict>,
    update: Value,
    on_duplicate: impl Fn(&mut Vm, Value) -> PyResult<()>,
) -> PyResult<()> {
    let pairs = RootedVec::new(vm);
    if let Some(source) = update.downcast::<PyDict>().filter(|_| vm.is_exact(update, vm.types.dict)) {
        if dict.is_empty() && !dict.value().is(update) {
            // (`f(**kwargs)`: nothing to compare against.)
            dict.fill_from(&source);
            return Ok(());
        }
        for (k, v) in source.items() {
            pairs.push(vm, k);
            pairs.push(vm, v);
        }
    } else {
        let keys = call::call_method(vm, update, "keys", &[])?;
        let it = iter::iter(vm, keys)?;
        while let Some(k) = iter::next(vm, it)? {
            let v = sequence::getitem(vm, update, k)?;
            pairs.push(vm, k);
            pairs.push(vm, v);
        }
    }
    for i in (0..pairs.len()).step_by(2) {
        let (k, v) = (pairs.get(i), pairs.get(i + 1));
        if dict.get_item(vm, k)?.is_some() {
            on_duplicate(vm, k)?;
        }
        dict.set_item(vm, k, v)?;
    }
    Ok(())
}

/// `module.qualname()` as CPython's `_PyObject_FunctionStr`.
fn function_description(vm: &mut Vm, func: Value) -> String {
    let qualname = attr::getattr_opt(vm, func, "__qualname__").ok().flatten().and_then(|q| q.downcast::<PyStr>());
    let module = attr::getattr_opt(vm, func, "__module__").ok().flatten().and_then(|m| m.downcast::<PyStr>());
    match (qualname, module) {
        (Some(q), Some(m)) if m.as_str() != "builtins" => format!("{}.{}()", m.as_str(), q.as_str()),
        (Some(q), _) => format!("{}()", q.as_str()),
        _ => {
            let r = object::str(vm, func).map(|s| s.as_str().to_string()).unwrap_or_default();
            format!("{r} object")
        }
    }
}

/// `UNPACK_SEQUENCE`: write the items in reverse at `out`.
///
/// # Safety
/// `out` must have room for `n` values (the compiler's stack depth).
pub unsafe fn unpack_sequence(vm: &mut Vm, seq: Value, n: usize, out: *mut Value) -> PyResult<()> {
    let items = collect_for_unpack(vm, seq)?;
    let values = items.to_vec();
    if values.len() != n {
        return Err(if values.len() < n {
            vm.value_error(format!("not enough values to unpack (expected {n}, got {})", values.len()))
        } else {
            vm.value_error(format!("too many values to unpack (expected {n})"))
        });
    }
    for (i, &v) in values.iter().rev().enumerate() {
        // SAFETY: guaranteed by the caller.
        unsafe { *out.add(i) = v };
    }
    Ok(())
}

fn collect_for_unpack(vm: &mut Vm, seq: Value) -> PyResult<Gc<PyList>> {
    let cls = vm.class_of(seq);
    if cls.lookup(vm, vm.names.iter).is_none() && cls.lookup(vm, vm.names.getitem).is_none() {
        let tn = cls.name().to_string();
        return Err(vm.type_error(format!("cannot unpack non-iterable {tn} object")));
    }
    iter::collect(vm, seq)
}

/// `UNPACK_EX`: `a, *b, c = seq`.
///
/// # Safety
/// `out` must have room for `before + after + 1` values.
pub unsafe fn unpack_ex(vm: &mut Vm, seq: Value, before: usize, after: usize, out: *mut Value) -> PyResult<()> {
    let items = collect_for_unpack(vm, seq)?;
    let values = items.to_vec();
    if values.len() < before + after {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            values.len()
        )));
    }
    let middle = crate::types::list::list_from_vec(vm, values[before..values.len() - after].to_vec());
    let mut out_index = 0;
    // SAFETY (writes below): guaranteed by the caller.
    for &v in values[values.len() - after..].iter().rev() {
        unsafe { *out.add(out_index) = v };
        out_index += 1;
    }
    unsafe { *out.add(out_index) = middle };
    out_index += 1;
    for &v in values[..before].iter().rev() {
        unsafe { *out.add(out_index) = v };
        out_index += 1;
    }
    Ok(())
}

/// `FORMAT_VALUE`: conversion then `format(value, spec)`.
pub fn format_value(vm: &mut Vm, value: Value, conversion: u32, spec: Value) -> PyResult {
    let converted = match conversion {
        1 => object::str(vm, value)?.value(),
        2 => object::repr(vm, value)?.value(),
        3 => object::ascii(vm, value)?.value(),
        _ => value,
    };
    if spec.is_null() && vm.is_exact(converted, vm.types.str) {
        return Ok(converted);
    }
    object::format(vm, converted, spec)
}

/// `CALL_FUNCTION_EX`: `f(*args, **kwargs)`.
pub fn call_function_ex(vm: &mut Vm, callable: Value, callargs: Value, kwargs: Value) -> PyResult {
    let args = ex_arguments(vm, callable, callargs, kwargs)?;
    let result = call::call_kw(vm, callable, &args.values, args.kwnames);
    std::hint::black_box(args.holders);
    result
}

/// `CALL_FUNCTION_EX` of a Python function: push its frame with the
/// arguments bound, to run in the current loop.
pub fn push_function_ex_frame(vm: &mut Vm, func: Gc<PyFunction>, callargs: Value, kwargs: Value) -> PyResult<()> {
    let args = ex_arguments(vm, func.value(), callargs, kwargs)?;
    let result = crate::interp::call::push_function_frame(vm, func, &args.values, args.kwnames, false);
    std::hint::black_box(args.holders);
    result
}

/// `CALL_FUNCTION_EX`'s arguments as a vector call.
struct ExArguments {
    /// Positional values, then keyword values named by `kwnames`.
    values: SmallVec<[Value; 8]>,
    kwnames: Option<Gc<PyTuple>>,
    /// The argument tuple and keyword dict the values come from: keep
    /// them alive (in a Rust local) while `values` is in use.
    holders: [Value; 2],
}

fn ex_arguments(vm: &mut Vm, callable: Value, callargs: Value, kwargs: Value) -> PyResult<ExArguments> {
    let args = if vm.is_exact(callargs, vm.types.tuple) {
        callargs
    } else {
        let cls = vm.class_of(callargs);
        if cls.lookup(vm, vm.names.iter).is_none() && cls.lookup(vm, vm.names.getitem).is_none() {
            let fname = function_description(vm, callable);
            let tn = cls.name().to_string();
            return Err(vm.type_error(format!("{fname} argument after * must be an iterable, not {tn}")));
        }
        let list = iter::collect(vm, callargs)?;
        crate::types::tuple::tuple_from_vec(vm, list.to_vec())
    };
    let mut values: SmallVec<[Value; 8]> = SmallVec::new();
    values.extend_from_slice(args.downcast::<PyTuple>().expect("tuple").as_slice());
    let kwargs_dict = if kwargs.is_null() {
        None
    } else if let Some(d) = kwargs.downcast::<PyDict>() {
        Some(d)
    } else {
        let d = PyDict::new(vm);
        dict_merge(vm, callable, d.value(), kwargs)?;
        Some(d)
    };
    let Some(d) = kwargs_dict.filter(|d| !d.is_empty()) else {
        return Ok(ExArguments { values, kwnames: None, holders: [args, Value::NULL] });
    };
    let mut names: SmallVec<[Value; 8]> = SmallVec::new();
    for (k, v) in d.items() {
        if k.downcast::<PyStr>().is_none() {
            return Err(vm.type_error("keywords must be strings"));
        }
        names.push(k);
        values.push(v);
    }
    let kwnames = crate::types::tuple::new_tuple(vm, &names).downcast::<PyTuple>();
    Ok(ExArguments { values, kwnames, holders: [args, d.value()] })
}

/// `MAKE_FUNCTION`.
pub fn make_function(
    vm: &mut Vm,
    frame: &Frame,
    code: Value,
    defaults: Value,
    kwdefaults: Value,
    annotations: Value,
    closure: Value,
) -> PyResult {
    let code = code.downcast::<PyCode>().expect("code object");
    let func = PyFunction::new(vm, code, frame.globals);
    func.defaults.set(defaults);
    func.kwdefaults.set(kwdefaults);
    func.closure.set(closure);
    if let Some(pairs) = annotations.downcast::<PyTuple>() {
        let dict = PyDict::new(vm);
        let items = pairs.as_slice();
        for pair in items.chunks(2) {
            if let [k, v] = pair {
                dict.set_item(vm, *k, *v)?;
            }
        }
        func.annotations.set(dict.value());
    } else if annotations.downcast::<PyDict>().is_some() {
        func.annotations.set(annotations);
    }
    Ok(func.value())
}

pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

/// `SEND`: one step of `yield from` / `await`.
pub fn send(vm: &mut Vm, receiver: Value, value: Value) -> PyResult<SendResult> {
    if let Some(gen) = receiver.downcast::<PyGenerator>() {
        if gen.kind == GenKind::Generator && gen.state.get() == crate::types::generator::GenState::Finished {
            // `yield from` an exhausted generator evaluates to None
            // (CPython's gen_send_ex2), where next() would raise.
            return Ok(SendResult::Returned(vm.none()));
        }
        if gen.kind != GenKind::AsyncGenerator {
            return match crate::types::generator::resume(vm, gen, value, None)? {
                GenExit::Yield(v) => Ok(SendResult::Yielded(v)),
                GenExit::Return(v) => Ok(SendResult::Returned(v)),
            };
        }
    }
    if let Some(native) = receiver.downcast::<crate::types::iterator::PyIterator>() {
        return Ok(match crate::types::iterator::next_fast(vm, native)? {
            Some(v) => SendResult::Yielded(v),
            None => SendResult::Returned(vm.none()),
        });
    }
    // `__next__` or `send`, keeping the StopIteration's value (iter::next
    // would drop it).
    let result = if vm.is_none(value) {
        call::call_method(vm, receiver, "__next__", &[])
    } else {
        call::call_method(vm, receiver, "send", &[value])
    };
    match result {
        Ok(v) => Ok(SendResult::Yielded(v)),
        Err(err) if vm.error_matches(err, vm.exceptions.stop_iteration) => {
            let v = attr::getattr_opt(vm, err.exception(), "value")?.unwrap_or(vm.none());
            Ok(SendResult::Returned(v))
        }
        Err(err) => Err(err),
    }
}

/// `GET_YIELD_FROM_ITER`.
pub fn get_yield_from_iter(vm: &mut Vm, code: Gc<PyCode>, v: Value) -> PyResult {
    if let Some(gen) = v.downcast::<PyGenerator>() {
        if gen.kind == GenKind::Coroutine {
            let flags = code.flags();
            if !flags.has(CodeFlags::COROUTINE) && !flags.has(CodeFlags::ITERABLE_COROUTINE) {
                return Err(vm.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
            }
        }
        return Ok(v);
    }
    iter::iter(vm, v)
}

/// `GET_AWAITABLE`: the iterator `await v` drives.
pub fn get_awaitable(vm: &mut Vm, v: Value, context: u32) -> PyResult {
    if let Some(gen) = v.downcast::<PyGenerator>() {
        if gen.kind == GenKind::Coroutine {
            if crate::types::generator::is_awaiting(gen) {
                return Err(vm.runtime_error("coroutine is being awaited already"));
            }
            return Ok(v);
        }
    }
    let cls = vm.class_of(v);
    let Some(await_method) = cls.lookup(vm, vm.names.await_) else {
        let tn = cls.name().to_string();
        let message = match context {
            1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {tn}"),
            2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {tn}"),
            _ => format!("object {tn} can't be used in 'await' expression"),
        };
        return Err(vm.type_error(message));
    };
    let it = call::call(vm, await_method, &[v])?;
    if it.downcast::<PyGenerator>().is_some_and(|g| g.kind == GenKind::Coroutine) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    let it_cls = vm.class_of(it);
    if it_cls.lookup(vm, vm.names.next).is_none() {
        let tn = it_cls.name().to_string();
        return Err(vm.type_error(format!("__await__() returned non-iterator of type '{tn}'")));
    }
    Ok(it)
}

pub fn get_aiter(vm: &mut Vm, v: Value) -> PyResult {
    let cls = vm.class_of(v);
    let Some(method) = cls.lookup(vm, vm.names.aiter) else {
        let tn = cls.name().to_string();
        return Err(vm.type_error(format!("'async for' requires an object with __aiter__ method, got {tn}")));
    };
    let it = call::call(vm, method, &[v])?;
    let it_cls = vm.class_of(it);
    if it_cls.lookup(vm, vm.names.anext).is_none() {
        let tn = it_cls.name().to_string();
        return Err(vm.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
        )));
    }
    Ok(it)
}

pub fn get_anext(vm: &mut Vm, aiter: Value) -> PyResult {
    let cls = vm.class_of(aiter);
    let Some(method) = cls.lookup(vm, vm.names.anext) else {
        let tn = cls.name().to_string();
        return Err(vm.type_error(format!("'async for' requires an iterator with __anext__ method, got {tn}")));
    };
    let awaitable = call::call(vm, method, &[aiter])?;
    get_awaitable(vm, awaitable, 0).map_err(|err| {
        if vm.error_matches(err, vm.exceptions.type_error) {
            let tn = vm.type_name(awaitable);
            vm.type_error(format!("'async for' received an invalid object from __anext__: {tn}"))
        } else {
            err
        }
    })
}

/// `raise` with no argument.
pub fn reraise_current(vm: &mut Vm) -> PyErr {
    let current = vm.topmost_handled_exception();
    if current.is_null() {
        return vm.runtime_error("No active exception to reraise");
    }
    PyErr::from_exception(current)
}

/// `raise exc [from cause]`: instantiate classes and check the types.
pub fn make_raise(vm: &mut Vm, exc: Value, cause: Value) -> PyErr {
    let instance = match instantiate_exception(vm, exc) {
        Ok(i) => i,
        Err(err) => return err,
    };
    if !cause.is_null() {
        let cause_value = if vm.is_none(cause) {
            Value::NULL
        } else {
            match instantiate_exception(vm, cause) {
                Ok(c) => c,
                Err(_) => return vm.type_error("exception causes must derive from BaseException"),
            }
        };
        if let Some(e) = instance.downcast::<PyBaseException>() {
            e.cause.set(cause_value);
            e.suppress_context.set(true);
        }
    }
    PyErr::from_exception(instance)
}

fn instantiate_exception(vm: &mut Vm, exc: Value) -> PyResult<Value> {
    if let Some(ty) = exc.downcast::<PyType>() {
        if ty.has_flag(crate::types::typeobject::flags::EXCEPTION) {
            let instance = call::call(vm, exc, &[])?;
            if instance.downcast::<PyBaseException>().is_none() {
                let tn = vm.type_name(instance);
                return Err(vm.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {tn}",
                    ty.name()
                )));
            }
            return Ok(instance);
        }
    }
    if exc.downcast::<PyBaseException>().is_some() {
        return Ok(exc);
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

/// `except T:` — T may be a class or a tuple of classes.
pub fn exception_matches(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<bool> {
    check_except_type(vm, ty)?;
    if let Some(t) = ty.downcast::<PyTuple>() {
        return Ok(t.as_slice().iter().any(|&item| item.downcast::<PyType>().is_some_and(|c| vm.is_instance(exc, c))));
    }
    Ok(ty.downcast::<PyType>().is_some_and(|c| vm.is_instance(exc, c)))
}

fn check_except_type(vm: &mut Vm, ty: Value) -> PyResult<()> {
    let valid =
        |v: Value| v.downcast::<PyType>().is_some_and(|t| t.has_flag(crate::types::typeobject::flags::EXCEPTION));
    let ok = match ty.downcast::<PyTuple>() {
        Some(t) => t.as_slice().iter().all(|&v| valid(v)),
        None => valid(ty),
    };
    if ok {
        Ok(())
    } else {
        Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"))
    }
}

/// `except* T:` — split an exception group (a bare exception is wrapped).
pub fn exception_group_match(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<(Value, Value)> {
    check_except_type(vm, ty)?;
    let none = vm.none();
    if vm.is_instance(exc, vm.exceptions.base_exception_group) {
        let split = call::call_method(vm, exc, "split", &[ty])?;
        let parts = split.downcast::<PyTuple>().map(|t| t.as_slice().to_vec()).unwrap_or_default();
        if parts.len() == 2 {
            return Ok((parts[1], parts[0]));
        }
        return Ok((exc, none));
    }
    if exception_matches(vm, exc, ty)? {
        let group_type = vm.exceptions.exception_group.value();
        let message = vm.singletons.empty_str;
        let list = crate::types::list::new_list(vm, &[exc]);
        let group = call::call(vm, group_type, &[message, list])?;
        return Ok((none, group));
    }
    Ok((exc, none))
}

/// `PREP_RERAISE_STAR`: what is left to raise after the `except*` clauses.
pub fn prep_reraise_star(vm: &mut Vm, orig: Value, list: Value) -> PyResult {
    let raised: Vec<Value> = list
        .downcast::<PyList>()
        .map(|l| l.to_vec())
        .unwrap_or_default()
        .into_iter()
        .filter(|v| !vm.is_none(*v))
        .collect();
    if raised.is_empty() {
        return Ok(vm.none());
    }
    if raised.len() == 1 {
        return Ok(raised[0]);
    }
    let _ = orig;
    let group_type = vm.exceptions.exception_group.value();
    let message = vm.singletons.empty_str;
    let items = crate::types::list::list_from_vec(vm, raised);
    call::call(vm, group_type, &[message, items])
}

/// `BEFORE_WITH` / `BEFORE_ASYNC_WITH`: (bound exit, enter result).
pub fn before_with(vm: &mut Vm, manager: Value, is_async: bool) -> PyResult<(Value, Value)> {
    let (enter_name, exit_name) = if is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
    let cls = vm.class_of(manager);
    let enter = cls.lookup_str(vm, enter_name);
    let exit = cls.lookup_str(vm, exit_name);
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let tn = cls.name().to_string();
        let protocol = if is_async { "asynchronous context manager" } else { "context manager" };
        let missed = if enter.is_some() { format!(" (missed {exit_name} method)") } else { String::new() };
        return Err(vm.type_error(format!("'{tn}' object does not support the {protocol} protocol{missed}")));
    };
    let bound_exit = attr::call_descriptor_get(vm, exit, manager, cls.value())?;
    let entered = call::call(vm, enter, &[manager])?;
    let entered = if is_async { get_awaitable(vm, entered, 1)? } else { entered };
    Ok((bound_exit, entered))
}

/// `WITH_EXCEPT_START`: `exit(type(exc), exc, exc.__traceback__)`.
pub fn with_except_start(vm: &mut Vm, exit: Value, exc: Value) -> PyResult {
    let ty = vm.class_of(exc).value();
    let tb = crate::types::exception::get_traceback(exc);
    let tb = if tb.is_null() { vm.none() } else { tb };
    call::call(vm, exit, &[ty, exc, tb])
}

pub fn setup_annotations(vm: &mut Vm, frame: &Frame) -> PyResult<()> {
    let locals = if frame.locals.is_null() { frame.globals.value() } else { frame.locals };
    let name = vm.names.annotations.value();
    if mapping_lookup(vm, locals, name)?.is_none() {
        let dict = PyDict::new(vm);
        sequence::setitem(vm, locals, name, dict.value())?;
    }
    Ok(())
}

pub fn import_name(vm: &mut Vm, frame: &Frame, name: Value, fromlist: Value, level: Value) -> PyResult {
    let name = name.downcast::<PyStr>().expect("str name");
    let level = level.as_small_int().unwrap_or(0);
    let import_func = frame.builtins.get_str(vm.intern("__import__").downcast::<PyStr>().expect("str"));
    let globals = frame.globals.value();
    match import_func {
        Some(f) if f.has_kind(LayoutKind::BuiltinFunction) => {
            crate::import::import_module_level(vm, name, globals, fromlist, level)
        }
        Some(f) => {
            let locals = if frame.locals.is_null() { vm.none() } else { frame.locals };
            let level_value = vm.new_int(level);
            call::call(vm, f, &[name.value(), globals, locals, fromlist, level_value])
        }
        None => Err(vm.new_error(vm.exceptions.import_error, "__import__ not found")),
    }
}

pub fn import_star(vm: &mut Vm, frame: &Frame, module: Value) -> PyResult<()> {
    let names = match attr::getattr_opt(vm, module, "__all__")? {
        Some(all) => iter::collect(vm, all)?.to_vec(),
        None => {
            let dict = attr::getattr_str(vm, module, "__dict__")?;
            let keys = dict.downcast::<PyDict>().map(|d| d.keys()).unwrap_or_default();
            keys.into_iter().filter(|k| k.downcast::<PyStr>().is_some_and(|s| !s.as_str().starts_with('_'))).collect()
        }
    };
    let names_list = crate::types::list::list_from_vec(vm, names);
    let names = names_list.downcast::<PyList>().expect("list").to_vec();
    for name in names {
        let Some(key) = name.downcast::<PyStr>() else {
            let tn = vm.type_name(name);
            let module_name = attr::getattr_opt(vm, module, "__name__")?
                .and_then(|n| n.downcast::<PyStr>())
                .map(|n| n.as_str().to_string())
                .unwrap_or_else(|| "?".to_string());
            return Err(vm.type_error(format!("Item in {module_name}.__all__ must be str, not {tn}")));
        };
        let value = attr::getattr(vm, module, key)?;
        store_name(vm, frame, name, value)?;
    }
    Ok(())
}

pub fn print_expr(vm: &mut Vm, value: Value) -> PyResult<()> {
    if vm.is_none(value) {
        return Ok(());
    }
    let hook = crate::protocol::attr::getattr_opt(vm, vm.sys_module, "displayhook")?;
    match hook {
        Some(h) => {
            call::call(vm, h, &[value])?;
        }
        None => return Err(vm.runtime_error("lost sys.displayhook")),
    }
    Ok(())
}

// ---- pattern matching -------------------------------------------------------------------------

pub fn match_mapping(vm: &mut Vm, v: Value) -> bool {
    if v.downcast::<PyDict>().is_some() {
        return true;
    }
    // collections.abc.Mapping registrations are not tracked yet; a class
    // with `keys` and `__getitem__` that is not a sequence counts.
    let cls = vm.class_of(v);
    cls.lookup_str(vm, "keys").is_some() && cls.lookup(vm, vm.names.getitem).is_some() && !match_sequence(vm, v)
}

pub fn match_sequence(vm: &mut Vm, v: Value) -> bool {
    let t = &vm.types;
    for ty in [t.list, t.tuple, t.range] {
        if vm.is_instance(v, ty) {
            return true;
        }
    }
    for ty in [t.str, t.bytes, t.bytearray, t.dict] {
        if vm.is_instance(v, ty) {
            return false;
        }
    }
    false
}

pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult {
    let keys = keys.downcast::<PyTuple>().map(|t| t.as_slice().to_vec()).unwrap_or_default();
    let values = RootedVec::new(vm);
    let get = attr::getattr_str(vm, subject, "get")?;
    let dummy = crate::types::object::PyObject::new();
    let object_type = vm.types.object;
    let sentinel = vm.alloc(dummy, object_type).value();
    for (i, &key) in keys.iter().enumerate() {
        if keys[..i].iter().any(|&k| k.is(key)) {
            let r = object::repr(vm, key)?;
            return Err(vm.value_error(format!("mapping pattern checks duplicate key ({})", r.as_str())));
        }
        let v = call::call(vm, get, &[key, sentinel])?;
        if v.is(sentinel) {
            return Ok(vm.none());
        }
        values.push(vm, v);
    }
    Ok(new_tuple(vm, &values.to_vec()))
}

pub fn match_class(vm: &mut Vm, subject: Value, cls: Value, positional: usize, names: Value) -> PyResult {
    let Some(ty) = cls.downcast::<PyType>() else {
        return Err(vm.type_error("called match pattern must be a type"));
    };
    if !vm.is_instance(subject, ty) {
        return Ok(vm.none());
    }
    let attrs = RootedVec::new(vm);
    let mut seen: Vec<String> = Vec::new();
    if positional > 0 {
        let self_match = {
            let t = &vm.types;
            [t.bool_, t.bytearray, t.bytes, t.dict, t.float, t.frozenset, t.int, t.list, t.set, t.str, t.tuple]
                .iter()
                .any(|&b| crate::types::typeobject::is_subtype(ty, b))
        };
        let match_args = attr::getattr_opt(vm, cls, "__match_args__")?;
        match match_args {
            Some(match_args) => {
                let Some(args) = match_args.downcast::<PyTuple>() else {
                    let tn = vm.type_name(match_args);
                    return Err(vm.type_error(format!("{}.__match_args__ must be a tuple (got {tn})", ty.name())));
                };
                if positional > args.len() {
                    let plural = if args.len() == 1 { "" } else { "s" };
                    return Err(vm.type_error(format!(
                        "{}() accepts {} positional sub-pattern{plural} ({positional} given)",
                        ty.name(),
                        args.len()
                    )));
                }
                for &name in &args.as_slice()[..positional] {
                    let Some(key) = name.downcast::<PyStr>() else {
                        let tn = vm.type_name(name);
                        return Err(vm.type_error(format!("__match_args__ elements must be strings (got {tn})")));
                    };
                    seen.push(key.as_str().to_string());
                    match attr::getattr_opt(vm, subject, key.as_str())? {
                        Some(v) => attrs.push(vm, v),
                        None => return Ok(vm.none()),
                    }
                }
            }
            None if self_match => {
                if positional > 1 {
                    return Err(
                        vm.type_error(format!("{}() accepts 1 positional sub-pattern ({positional} given)", ty.name()))
                    );
                }
                attrs.push(vm, subject);
            }
            None => {
                return Err(
                    vm.type_error(format!("{}() accepts 0 positional sub-patterns ({positional} given)", ty.name()))
                );
            }
        }
    }
    let names = names.downcast::<PyTuple>().map(|t| t.as_slice().to_vec()).unwrap_or_default();
    for name in names {
        let key = name.downcast::<PyStr>().expect("str");
        if seen.iter().any(|s| s == key.as_str()) {
            return Err(vm.type_error(format!(
                "{}() got multiple sub-patterns for attribute '{}'",
                ty.name(),
                key.as_str()
            )));
        }
        seen.push(key.as_str().to_string());
        match attr::getattr_opt(vm, subject, key.as_str())? {
            Some(v) => attrs.push(vm, v),
            None => return Ok(vm.none()),
        }
    }
    Ok(new_tuple(vm, &attrs.to_vec()))
}

/// `list[i]` for a small int index (negative counts from the end).
#[inline(always)]
pub fn list_item(list: Gc<PyList>, i: i64) -> Option<Value> {
    let items = list.items.borrow();
    let index = if i < 0 { i + items.len() as i64 } else { i };
    usize::try_from(index).ok().and_then(|i| items.get(i).copied())
}

/// `tuple[i]` for a small int index.
#[inline(always)]
pub fn tuple_item(tuple: Gc<PyTuple>, i: i64) -> Option<Value> {
    let items = tuple.as_slice();
    let index = if i < 0 { i + items.len() as i64 } else { i };
    usize::try_from(index).ok().and_then(|i| items.get(i).copied())
}

/// `list[i] = value`; false when `i` is out of range.
#[inline(always)]
pub fn set_list_item(list: Gc<PyList>, i: i64, value: Value) -> bool {
    let mut items = list.items.borrow_mut();
    let index = if i < 0 { i + items.len() as i64 } else { i };
    match usize::try_from(index).ok().and_then(|i| items.get_mut(i)) {
        Some(place) => {
            *place = value;
            true
        }
        None => false,
    }
}

/// `UNPACK_SEQUENCE` of exactly `n` items (last item deepest, as CPython
/// pushes them); false, writing nothing, when the length differs.
///
/// # Safety
/// `out` must have room for `n` values.
#[inline(always)]
pub unsafe fn unpack_exact(items: &[Value], n: usize, out: *mut Value) -> bool {
    if items.len() != n {
        return false;
    }
    for (i, &v) in items.iter().rev().enumerate() {
        // SAFETY: guaranteed by the caller.
        unsafe { *out.add(i) = v };
    }
    true
}
