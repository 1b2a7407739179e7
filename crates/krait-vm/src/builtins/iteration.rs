//! Builtins that consume iterables: `iter`, `next`, `len`, `sorted`, `min`,
//! `max`, `sum`, `any`, `all` (CPython: `Python/bltinmodule.c`).
//!
//! `enumerate`, `zip`, `map`, `filter` and `reversed` are types and live
//! with the iterator types.

use krait_bytecode::{BinaryOp, ComparisonOp};

use crate::error::PyResult;
use crate::native::Args;
use crate::protocol::{call, compare, iter, number, object, sequence};
use crate::value::Value;
use crate::vm::Vm;

/// `iter(object)` / `iter(callable, sentinel)`.
pub(super) fn builtin_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "iter", 1, 2)?;
    if positional.len() == 1 {
        return iter::iter(vm, positional[0]);
    }
    let (callable, sentinel) = (positional[0], positional[1]);
    if !super::introspection::is_callable(vm, callable) {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    Ok(crate::types::iterator::new_callable_iterator(vm, callable, sentinel))
}

/// `next(iterator[, default])`.
pub(super) fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "next", 1, 2)?;
    let iterator = positional[0];
    let class = vm.class_of(iterator);
    let Some(next_method) = class.lookup_str(vm, "__next__") else {
        let name = vm.type_name(iterator);
        return Err(vm.type_error(format!("'{name}' object is not an iterator")));
    };
    match positional.get(1) {
        // Without a default, `__next__`'s own StopIteration (with a
        // generator's return value) must reach the caller unchanged.
        None => call::call(vm, next_method, &[iterator]),
        Some(&default) => match iter::next(vm, iterator)? {
            Some(item) => Ok(item),
            None => Ok(default),
        },
    }
}

/// `len(obj)`.
pub(super) fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>(vm, "len")?;
    let len = sequence::len(vm, obj)?;
    Ok(vm.new_int(len as i64))
}

/// `sorted(iterable, /, *, key=None, reverse=False)`: a new list, sorted
/// by `list.sort`'s algorithm.
pub(super) fn builtin_sorted(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional();
    if positional.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", positional.len())));
    }
    let mut key = Value::NULL;
    let mut reverse = false;
    let kw_count = args.kwnames().map_or(0, |names| names.len());
    if kw_count > 2 {
        return Err(vm.type_error(format!("sort() takes at most 2 keyword arguments ({kw_count} given)")));
    }
    for (name, value) in args.kwargs() {
        match name.as_str() {
            "key" => key = value,
            "reverse" => reverse = number::to_index_isize(vm, value)? != 0,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    if !key.is_null() && vm.is_none(key) {
        key = Value::NULL;
    }
    let list = iter::collect(vm, positional[0])?;
    crate::types::list::sort_list(vm, list, key, reverse)?;
    Ok(list.value())
}

/// `min(...)` and `max(...)` (CPython: `min_max`).
fn min_max(vm: &mut Vm, args: Args<'_>, op: ComparisonOp, name: &str) -> PyResult {
    let positional = args.positional();
    let mut key = Value::NULL;
    let mut default = Value::NULL;
    for (kw, value) in args.kwargs() {
        match kw.as_str() {
            "key" => key = value,
            "default" => default = value,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for {name}()"))),
        }
    }
    if positional.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if !default.is_null() && positional.len() > 1 {
        return Err(vm.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
    }
    if !key.is_null() && vm.is_none(key) {
        key = Value::NULL;
    }

    // The best item so far and its key; both live in Rust locals, which
    // the collector scans.
    let mut best = Value::NULL;
    let mut best_key = Value::NULL;
    let mut consider = |vm: &mut Vm, item: Value| -> PyResult<()> {
        let item_key = if key.is_null() { item } else { call::call(vm, key, &[item])? };
        if best.is_null() || compare::rich_compare_bool(vm, item_key, best_key, op)? {
            best = item;
            best_key = item_key;
        }
        Ok(())
    };
    if positional.len() == 1 {
        let iterator = iter::iter(vm, positional[0])?;
        while let Some(item) = iter::next(vm, iterator)? {
            consider(vm, item)?;
        }
    } else {
        for &item in positional {
            consider(vm, item)?;
        }
    }
    if !best.is_null() {
        return Ok(best);
    }
    if !default.is_null() {
        return Ok(default);
    }
    Err(vm.value_error(format!("{name}() arg is an empty sequence")))
}

/// `min(iterable, *[, default=obj, key=func])` / `min(arg1, arg2, *args[, key=func])`.
pub(super) fn builtin_min(vm: &mut Vm, args: Args<'_>) -> PyResult {
    min_max(vm, args, ComparisonOp::Lt, "min")
}

/// `max(iterable, *[, default=obj, key=func])` / `max(arg1, arg2, *args[, key=func])`.
pub(super) fn builtin_max(vm: &mut Vm, args: Args<'_>) -> PyResult {
    min_max(vm, args, ComparisonOp::Gt, "max")
}

/// `sum(iterable, /, start=0)` (CPython: `builtin_sum_impl`, including its
/// exact-int and exact-float fast paths, which add in machine arithmetic
/// while nothing overflows and fall back to `+` otherwise).
pub(super) fn builtin_sum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional();
    let given = positional.len() + args.kwargs().count();
    if given > 2 {
        return Err(vm.type_error(format!("sum() takes at most 2 arguments ({given} given)")));
    }
    let mut start = Value::NULL;
    let mut count = positional.len();
    for (kw, value) in args.kwargs() {
        match kw.as_str() {
            "start" => start = value,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for sum()"))),
        }
        count += 1;
    }
    if positional.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if count > 2 {
        return Err(vm.type_error(format!("sum() takes at most 2 arguments ({count} given)")));
    }
    if positional.len() == 2 {
        start = positional[1];
    }
    let iterable = positional[0];
    let result = if start.is_null() { Value::from_small(0) } else { start };
    if !start.is_null() {
        if vm.is_instance(start, vm.types.str) {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
        }
        if vm.is_instance(start, vm.types.bytes) {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
        }
        if vm.is_instance(start, vm.types.bytearray) {
            return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
        }
    }
    let iterator = iter::iter(vm, iterable)?;

    // CPython's phases: exact ints add in i64 until an item is not a small
    // int or the sum overflows; then, if the total is an exact float (or
    // the start was), doubles add while the items are floats or ints that
    // fit a machine word (`PyLong_AsLongAndOverflow`, then a cast); after
    // that, `+` for every item.
    let mut total = match result.as_small_int() {
        Some(i) => SumTotal::Int(i),
        None => SumTotal::after_ints(vm, result),
    };
    iter::for_each(vm, iterator, &mut |vm, item| {
        total = match total {
            SumTotal::Int(t) => match item.as_small_int().and_then(|i| t.checked_add(i)) {
                Some(sum) => SumTotal::Int(sum),
                None => {
                    let partial = vm.new_int(t);
                    let r = number::binary_op(vm, partial, item, BinaryOp::Add, false)?;
                    SumTotal::after_ints(vm, r)
                }
            },
            SumTotal::Float(t) => match crate::types::float::exact_f64(vm, item) {
                Some(f) => SumTotal::Float(t + f),
                None => match item.as_small_int() {
                    Some(i) => SumTotal::Float(t + i as f64),
                    None => {
                        let partial = vm.new_float(t);
                        SumTotal::Object(number::binary_op(vm, partial, item, BinaryOp::Add, false)?)
                    }
                },
            },
            SumTotal::Object(r) => SumTotal::Object(number::binary_op(vm, r, item, BinaryOp::Add, false)?),
        };
        Ok(true)
    })?;
    Ok(match total {
        SumTotal::Int(t) => vm.new_int(t),
        SumTotal::Float(t) => vm.new_float(t),
        SumTotal::Object(r) => r,
    })
}

/// `sum()`'s running total in its current phase.
#[derive(Clone, Copy)]
enum SumTotal {
    Int(i64),
    Float(f64),
    Object(Value),
}

impl SumTotal {
    /// The phase after the int phase: floats if the total is an exact float.
    fn after_ints(vm: &Vm, total: Value) -> SumTotal {
        match crate::types::float::exact_f64(vm, total) {
            Some(f) => SumTotal::Float(f),
            None => SumTotal::Object(total),
        }
    }
}

/// `any(iterable)`.
pub(super) fn builtin_any(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [iterable] = args.exact::<1>(vm, "any")?;
    let iterator = iter::iter(vm, iterable)?;
    let mut found = false;
    iter::for_each(vm, iterator, &mut |vm, item| {
        found = object::truthy(vm, item)?;
        Ok(!found)
    })?;
    Ok(vm.bool_value(found))
}

/// `all(iterable)`.
pub(super) fn builtin_all(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [iterable] = args.exact::<1>(vm, "all")?;
    let iterator = iter::iter(vm, iterable)?;
    let mut all = true;
    iter::for_each(vm, iterator, &mut |vm, item| {
        all = object::truthy(vm, item)?;
        Ok(all)
    })?;
    Ok(vm.bool_value(all))
}
