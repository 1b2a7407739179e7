//! Rich comparison (CPython's `do_richcompare`).
//!
//! If the right operand's type is a proper subclass of the left's and
//! overrides the reflected method, it goes first; then the left operand's
//! method, then the right's reflected one. When every method declines,
//! `==` and `!=` fall back to identity and ordering raises TypeError.

use krait_bytecode::ComparisonOp;

use crate::error::PyResult;
use crate::object::Gc;
use crate::protocol::{call, object};
use crate::types::list::items_equal;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobject::{is_subtype, PyType};
use crate::value::Value;
use crate::vm::Vm;

fn dunder_name(vm: &Vm, op: ComparisonOp) -> Gc<PyStr> {
    let n = &vm.names;
    match op {
        ComparisonOp::Lt => n.lt,
        ComparisonOp::Le => n.le,
        ComparisonOp::Eq => n.eq,
        ComparisonOp::Ne => n.ne,
        ComparisonOp::Gt => n.gt,
        ComparisonOp::Ge => n.ge,
    }
}

/// Call `type(a).__op__(a, b)`; `None` if the type has no such method.
pub fn call_dunder(vm: &mut Vm, a: Value, b: Value, op: ComparisonOp) -> PyResult<Option<Value>> {
    let cls = vm.class_of(a);
    let name = dunder_name(vm, op);
    match cls.lookup(vm, name) {
        Some(m) if !vm.is_none(m) => call::call(vm, m, &[a, b]).map(Some),
        _ => Ok(None),
    }
}

/// `a op b` as a value.
pub fn rich_compare(vm: &mut Vm, a: Value, b: Value, op: ComparisonOp) -> PyResult {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        let r = match op {
            ComparisonOp::Lt => x < y,
            ComparisonOp::Le => x <= y,
            ComparisonOp::Eq => x == y,
            ComparisonOp::Ne => x != y,
            ComparisonOp::Gt => x > y,
            ComparisonOp::Ge => x >= y,
        };
        return Ok(vm.bool_value(r));
    }
    if let (Some(x), Some(y)) = (a.downcast::<PyStr>(), b.downcast::<PyStr>()) {
        if vm.is_exact(a, vm.types.str) && vm.is_exact(b, vm.types.str) {
            let ordering = x.as_str().cmp(y.as_str());
            return Ok(vm.bool_value(crate::types::int::ordering_matches(ordering, op)));
        }
    }
    if let Some(r) = crate::types::float::float_compare(vm, a, b, op) {
        return Ok(vm.bool_value(r));
    }
    if let (Some(x), Some(y)) = (a.downcast::<PyTuple>(), b.downcast::<PyTuple>()) {
        if vm.is_exact(a, vm.types.tuple) && vm.is_exact(b, vm.types.tuple) {
            return vm.with_recursion(" in comparison", |vm| compare_tuples(vm, x, y, op));
        }
    }
    if matches!(op, ComparisonOp::Eq | ComparisonOp::Ne) {
        let (ta, tb) = (vm.class_of(a), vm.class_of(b));
        if ta != tb && equality_is_identity_between(vm, ta) && equality_is_identity_between(vm, tb) {
            return Ok(vm.bool_value(op == ComparisonOp::Ne));
        }
    }
    vm.with_recursion(" in comparison", |vm| rich_compare_slow(vm, a, b, op))
}

/// Whether `==` between an exact instance of `cls` and an exact instance
/// of another such class ends in the identity fallback: each one's
/// `__eq__` answers NotImplemented for all the others (builtin types'
/// methods cannot be replaced), so `1 == "1"` or `[] == None` is simply
/// false without the dunder dance. The numeric types compare across
/// types and are not listed.
fn equality_is_identity_between(vm: &Vm, cls: Gc<PyType>) -> bool {
    let t = &vm.types;
    cls == t.int || cls == t.str || cls == t.tuple || cls == t.list || cls == t.dict || cls == t.none_type
}

/// Lexicographic comparison of two exact tuples (their items cannot change
/// under us, so unlike lists they are read as slices).
fn compare_tuples(vm: &mut Vm, x: Gc<PyTuple>, y: Gc<PyTuple>, op: ComparisonOp) -> PyResult {
    let (xs, ys) = (x.as_slice(), y.as_slice());
    if matches!(op, ComparisonOp::Eq | ComparisonOp::Ne) && xs.len() != ys.len() {
        return Ok(vm.bool_value(op == ComparisonOp::Ne));
    }
    for (&a, &b) in xs.iter().zip(ys) {
        if !items_equal(vm, a, b)? {
            return match op {
                ComparisonOp::Eq => Ok(vm.bool_value(false)),
                ComparisonOp::Ne => Ok(vm.bool_value(true)),
                _ => rich_compare(vm, a, b, op),
            };
        }
    }
    Ok(vm.bool_value(crate::types::int::ordering_matches(xs.len().cmp(&ys.len()), op)))
}

/// The dunder-dispatching part of `rich_compare`.
fn rich_compare_slow(vm: &mut Vm, a: Value, b: Value, op: ComparisonOp) -> PyResult {
    let (ta, tb) = (vm.class_of(a), vm.class_of(b));
    let reflected = op.swapped();
    let mut checked_reflected = false;
    if ta != tb && is_subtype(tb, ta) && overrides(vm, tb, ta, dunder_name(vm, reflected)) {
        checked_reflected = true;
        if let Some(r) = call_dunder(vm, b, a, reflected)? {
            if !r.is(vm.not_implemented()) {
                return Ok(r);
            }
        }
    }
    if let Some(r) = call_dunder(vm, a, b, op)? {
        if !r.is(vm.not_implemented()) {
            return Ok(r);
        }
    }
    if !checked_reflected {
        if let Some(r) = call_dunder(vm, b, a, reflected)? {
            if !r.is(vm.not_implemented()) {
                return Ok(r);
            }
        }
    }
    match op {
        ComparisonOp::Eq => Ok(vm.bool_value(a.is(b))),
        ComparisonOp::Ne => Ok(vm.bool_value(!a.is(b))),
        _ => {
            let (na, nb) = (ta.name().to_string(), tb.name().to_string());
            Err(vm.type_error(format!("'{}' not supported between instances of '{na}' and '{nb}'", op.symbol())))
        }
    }
}

/// Whether `sub` defines `name` differently from `base`.
fn overrides(vm: &mut Vm, sub: Gc<PyType>, base: Gc<PyType>, name: Gc<PyStr>) -> bool {
    let s = sub.lookup(vm, name);
    let b = base.lookup(vm, name);
    match (s, b) {
        (Some(s), Some(b)) => !s.is(b),
        (Some(_), None) => true,
        _ => false,
    }
}

/// `a op b` as a bool; identity implies equality (as `PyObject_RichCompareBool`).
pub fn rich_compare_bool(vm: &mut Vm, a: Value, b: Value, op: ComparisonOp) -> PyResult<bool> {
    if a.is(b) {
        match op {
            ComparisonOp::Eq => return Ok(true),
            ComparisonOp::Ne => return Ok(false),
            _ => {}
        }
    }
    let r = rich_compare(vm, a, b, op)?;
    if r.is(vm.singletons.true_) {
        return Ok(true);
    }
    if r.is(vm.singletons.false_) {
        return Ok(false);
    }
    object::truthy(vm, r)
}

/// `a == b` as a bool.
pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    rich_compare_bool(vm, a, b, ComparisonOp::Eq)
}
